package io.pulsehub.sync.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.SyncRouteOverridden;
import io.pulsehub.sync.store.ProfileDocuments;
import io.pulsehub.sync.store.RedisProfiles;
import io.pulsehub.sync.strategy.DirtyUsers;
import io.pulsehub.sync.strategy.SyncMetrics;
import io.pulsehub.sync.strategy.SyncStrategies;
import io.pulsehub.sync.strategy.WriteBehindBuffer;
import io.pulsehub.sync.strategy.WriteBehindStrategy;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the router: rules, overrides (topic, reader, writer), audit, and the
 * {@code profile-changes} consumer (manual commits).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerProperties.class)
class RoutingConfiguration {

	@Bean
	RouteTable routeTable(Environment environment) {
		return new RouteTable(environment);
	}

	/**
	 * Created by Boot's KafkaAdmin where the topic is missing (local-stack creates it
	 * too).
	 */
	@Bean
	NewTopic syncRouteOverridesTopic() {
		Topic<String, SyncRouteOverridden> topic = Topics.SYNC_ROUTE_OVERRIDES;
		return new NewTopic(topic.name(), 1, (short) 1).configs(topic.config());
	}

	@Bean
	RouteOverrides routeOverrides(KafkaProperties kafka, ConsumerProperties properties) {
		Topic<String, SyncRouteOverridden> topic = Topics.SYNC_ROUTE_OVERRIDES;
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		// no group: every instance reads every override, from the beginning, each start
		consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, Object> producer = kafka.buildProducerProperties();
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		return new RouteOverrides(
				new KafkaConsumer<>(consumer, topic.keySerde().deserializer(), topic.valueSerde().deserializer()),
				new KafkaProducer<>(producer, topic.keySerde().serializer(), topic.valueSerde().serializer()),
				properties.overridesStartTimeout());
	}

	@Bean
	RouteAudit routeAudit(MongoDatabase syncDatabase) {
		return new RouteAudit(syncDatabase.getCollection(RouteAudit.COLLECTION));
	}

	@Bean
	SyncRouter syncRouter(RouteTable table, RouteOverrides overrides, RedisProfiles redis) {
		return new SyncRouter(table, overrides, redis);
	}

	@Bean
	RouteSwitcher routeSwitcher(SyncRouter router, RouteOverrides overrides, RouteAudit audit) {
		return new RouteSwitcher(router, overrides, audit, Clock.systemUTC());
	}

	@Bean
	ChangeDispatcher changeDispatcher(SyncRouter router, SyncStrategies strategies, CircuitBreaker mongoCircuitBreaker,
			ProfileDocuments documents, WriteBehindBuffer buffer, DirtyUsers dirty, SyncMetrics metrics) {
		return new ChangeDispatcher(router, strategies, new MongoHealth(mongoCircuitBreaker), documents, buffer, dirty,
				metrics);
	}

	/**
	 * One group for all instances, earliest offset for a new group, manual commits (a
	 * change's offset is committed once it is durable). A failure that kept a change
	 * nowhere (Redis down) is retried with backoff, without limit, holding the partition.
	 */
	@Bean
	ConcurrentMessageListenerContainer<String, byte[]> profileChangesContainer(KafkaProperties kafka,
			ConsumerProperties properties, ChangeDispatcher dispatcher, WriteBehindBuffer buffer,
			WriteBehindStrategy writeBehind, SyncMetrics metrics, MeterRegistry registry) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
				new StringDeserializer(), new ByteArrayDeserializer());
		consumers.addListener(new MicrometerConsumerListener<>(registry));
		ContainerProperties container = new ContainerProperties(Topics.PROFILE_CHANGES.name());
		container.setAckMode(ContainerProperties.AckMode.MANUAL);
		container.setMessageListener(new ChangeListener(dispatcher, buffer, metrics));
		container.setMissingTopicsFatal(false);
		container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer,
					Collection<TopicPartition> partitions) {
				// commit what this instance buffered while it still owns the partitions,
				// so
				// the next owner does not redo it
				writeBehind.partitionsRevoked();
			}

		});
		ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
		backOff.setMaxInterval(Duration.ofSeconds(5).toMillis());
		ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(
				consumers, container);
		listener.setConcurrency(properties.concurrency());
		listener.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		return listener;
	}

}
