package io.pulsehub.profile.cache;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Wires the L1 cache and its invalidation consumer: a group of its own per instance
 * (every instance must see every change), starting at the end of the topic (older changes
 * are older than anything cached).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

	static final Duration AUTO_COMMIT_INTERVAL = Duration.ofMinutes(1);

	static final int FETCH_MIN_BYTES = 64 * 1024;

	static final Duration FETCH_MAX_WAIT = Duration.ofMillis(100);

	@Bean
	ProfileCache profileCache(CacheProperties properties, MeterRegistry registry) {
		ProfileCache cache = new ProfileCache(properties);
		Gauge.builder("pulsehub.profile.cache.size", cache, ProfileCache::size)
			.description("Profiles in this instance's L1 cache")
			.register(registry);
		return cache;
	}

	@Bean
	ConcurrentMessageListenerContainer<String, byte[]> profileCacheInvalidation(KafkaProperties kafka,
			CacheProperties properties, ProfileCache cache, MeterRegistry registry) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupPrefix() + "-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		// Nobody reads this group's offsets (each instance starts a new group at the
		// end), so the client commits them now and then, not the container after each
		// poll (a commit per poll was most of this consumer's CPU and broker load).
		// Fetches wait up to 100 ms for data instead of returning per record: a change
		// is evicted at most ~0.1 s later, well within the TTL.
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
		config.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, (int) AUTO_COMMIT_INTERVAL.toMillis());
		config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) FETCH_MAX_WAIT.toMillis());
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
				new StringDeserializer(), new ByteArrayDeserializer());
		ContainerProperties container = new ContainerProperties(Topics.PROFILE_CHANGES.name());
		container.setMessageListener(new CacheInvalidationListener(cache, registry));
		container.setMissingTopicsFatal(false);
		return new ConcurrentMessageListenerContainer<>(consumers, container);
	}

}
