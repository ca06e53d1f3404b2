package io.pulsehub.ingestion.archive;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the cold-path archiver: its own consumer (raw bytes, batches, offsets committed
 * after the database commit), dead-letter producer, error handler, partition maintainer,
 * lag monitor and the eraser that follows profile erasures.
 * <p>
 * The archiver's Kafka clients are deliberately not beans: a {@code ConsumerFactory},
 * {@code ProducerFactory} or {@code KafkaTemplate} bean would switch off Boot's
 * auto-configured ones that the collection API uses. They still start from Boot's
 * {@code spring.kafka.consumer/producer.*} settings and connection details;
 * {@code spring.kafka.listener.*} does not apply (the container is built here from
 * {@link ArchiveProperties}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveProperties.class)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "pulsehub.ingestion.archive.enabled", matchIfMissing = true)
class ArchiveConfiguration {

	private static final Duration SCHEMA_RETRY_INTERVAL = Duration.ofSeconds(5);

	@Bean
	ArchiveMetrics archiveMetrics(MeterRegistry registry) {
		return new ArchiveMetrics(registry, Clock.systemUTC());
	}

	@Bean
	DeadLetterPublisher archiveDeadLetterPublisher(KafkaProperties kafka, KafkaConnectionDetails connection,
			MeterRegistry registry, ArchiveMetrics metrics) {
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
		return new DeadLetterPublisher(properties, registry, metrics);
	}

	@Bean
	ConcurrentMessageListenerContainer<String, byte[]> archiveListenerContainer(ArchiveProperties properties,
			KafkaProperties kafka, KafkaConnectionDetails connection, MeterRegistry registry, JdbcTemplate jdbc,
			ArchiveMetrics metrics, DeadLetterPublisher deadLetters, TaskScheduler scheduler) {
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(
				consumerProperties(properties, kafka, connection), Topics.USER_ACTIVITY_EVENTS.keySerde()::deserializer,
				ByteArrayDeserializer::new);
		consumers.addListener(new MicrometerConsumerListener<>(registry));
		ContainerProperties container = new ContainerProperties(Topics.USER_ACTIVITY_EVENTS.name());
		container.setGroupId(properties.groupId());
		container.setClientId(properties.groupId());
		// Commit after the listener returned, i.e. after PostgreSQL committed the batch.
		container.setAckMode(AckMode.BATCH);
		container.setMessageListener(new ArchiveListener(new EventArchive(jdbc), metrics));
		ConcurrentMessageListenerContainer<String, byte[]> listenerContainer = new ConcurrentMessageListenerContainer<>(
				consumers, container);
		listenerContainer.setConcurrency(properties.concurrency());
		listenerContainer
			.setCommonErrorHandler(ArchiveBackOffs.errorHandler(properties.retry(), deadLetters, scheduler));
		return listenerContainer;
	}

	/**
	 * Follows {@code profile-changes} from its start in a group of its own and erases the
	 * archive of every DELETED profile; a failure is retried without limit. Offsets are
	 * committed once per poll, after every record of it was handled: the topic carries
	 * every profile change (one per tag update), nearly all of them ignored here, and a
	 * commit per record cost the broker and this service a round trip each. A crash
	 * repeats at most one poll's records; an erasure is idempotent.
	 */
	@Bean
	ConcurrentMessageListenerContainer<String, byte[]> archiveErasureListenerContainer(ArchiveProperties properties,
			KafkaProperties kafka, KafkaConnectionDetails connection, MeterRegistry registry, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, ArchiveMetrics metrics) {
		Map<String, Object> config = consumerProperties(properties, kafka, connection);
		// Erasures are rare and a second late is fine: fetch when 64 KB are there (or
		// after
		// 500 ms) rather than every few records of this busy topic.
		config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
				Topics.PROFILE_CHANGES.keySerde()::deserializer, ByteArrayDeserializer::new);
		consumers.addListener(new MicrometerConsumerListener<>(registry));
		ContainerProperties container = new ContainerProperties(Topics.PROFILE_CHANGES.name());
		String groupId = properties.groupId() + "-erasures";
		container.setGroupId(groupId);
		container.setClientId(groupId);
		container.setAckMode(AckMode.BATCH);
		container.setMessageListener(
				new ErasureListener(new ArchiveEraser(jdbc, new TransactionTemplate(transactionManager)), metrics));
		ConcurrentMessageListenerContainer<String, byte[]> listenerContainer = new ConcurrentMessageListenerContainer<>(
				consumers, container);
		listenerContainer.setCommonErrorHandler(new DefaultErrorHandler(ArchiveBackOffs.outage(properties.retry())));
		return listenerContainer;
	}

	@Bean
	ArchiveSchema archiveSchema(TaskScheduler scheduler, ObjectProvider<PartitionMaintainer> maintainer) {
		// Once a late migration succeeded, lay out today's partitions at once rather than
		// at the next maintenance run.
		return new ArchiveSchema(scheduler, SCHEMA_RETRY_INTERVAL, () -> maintainer.getObject().maintainNow());
	}

	@Bean
	PartitionMaintainer archivePartitionMaintainer(ArchiveProperties properties, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, TaskScheduler scheduler) {
		return new PartitionMaintainer(jdbc, new TransactionTemplate(transactionManager), scheduler,
				properties.partitions(), Clock.systemUTC());
	}

	@Bean
	ArchiveLagMonitor archiveLagMonitor(KafkaAdmin admin, ArchiveProperties properties, TaskScheduler scheduler,
			ArchiveMetrics metrics, MeterRegistry registry) {
		return new ArchiveLagMonitor(admin.getConfigurationProperties(), properties, scheduler, metrics, registry,
				Clock.systemUTC());
	}

	private static Map<String, Object> consumerProperties(ArchiveProperties properties, KafkaProperties kafka,
			KafkaConnectionDetails connection) {
		Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumer().getBootstrapServers());
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// A new group archives the topic from its start, never only from now on.
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchSize());
		return consumer;
	}

}
