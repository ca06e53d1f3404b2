package io.pulsehub.stream.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.stream.StreamMetrics;
import io.pulsehub.stream.device.DeviceClassifier;
import io.pulsehub.stream.tags.RedisTagsSink;
import io.pulsehub.stream.trending.RedisTrendingSink;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Registers the topology with the Kafka Streams instance Spring Boot configures from
 * {@code spring.kafka.streams.*}; a record whose processing throws goes to the
 * dead-letter topic, and a stream thread that fails is replaced, so it resumes from its
 * last commit instead of leaving partitions unprocessed.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(StreamProperties.class)
class StreamsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StreamsConfiguration.class);

	private static final Duration MIN_PARTITION_TTL = Duration.ofMinutes(1);

	@Bean
	StreamMetrics streamMetrics(MeterRegistry registry) {
		StreamMetrics metrics = new StreamMetrics(registry);
		metrics.deadLetterReasons(EventParser.REASONS);
		metrics.deadLetterReasons(List.of(DeadLetterProcessingExceptionHandler.REASON));
		return metrics;
	}

	@Bean
	DeviceClassifier deviceClassifier(StreamProperties properties) {
		return new DeviceClassifier(properties.deviceCacheSize());
	}

	@Bean
	RedisTagsSink redisTagsSink(RedisConnectionFactory connections, StreamMetrics metrics,
			StreamProperties properties) {
		return new RedisTagsSink(connections, metrics, properties.redisRetryFor());
	}

	@Bean
	RedisTrendingSink redisTrendingSink(StringRedisTemplate redis, StreamMetrics metrics, StreamProperties properties) {
		Duration ttl = properties.trendingRefresh().multipliedBy(6);
		return new RedisTrendingSink(redis, metrics, (ttl.compareTo(MIN_PARTITION_TTL) < 0) ? MIN_PARTITION_TTL : ttl,
				properties.trendingSize());
	}

	@Bean
	ProfileTagsTopology profileTagsTopology(StreamsBuilder builder, StreamsBuilderFactoryBean factory,
			StreamProperties properties, DeviceClassifier classifier, RedisTagsSink tags, RedisTrendingSink trending,
			StreamMetrics metrics) {
		Properties streams = factory.getStreamsConfiguration();
		String applicationId = (streams != null) ? streams.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)
				: "stream-processor";
		ProfileTagsTopology topology = new ProfileTagsTopology(properties.settings(applicationId), classifier, tags,
				trending, metrics, Clock.systemUTC());
		topology.addTo(builder);
		return topology;
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
		return (factory) -> {
			factory.setStreamsUncaughtExceptionHandler((ex) -> {
				logger.error("A stream thread failed; replacing it, it resumes from the last commit", ex);
				return StreamThreadExceptionResponse.REPLACE_THREAD;
			});
			factory.setStateListener((next, previous) -> logger.info("Kafka Streams {} -> {}", previous, next));
		};
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer deadLetterProcessingErrors(StreamMetrics metrics) {
		return (factory) -> {
			Properties streams = factory.getStreamsConfiguration();
			streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
					DeadLetterProcessingExceptionHandler.class);
			streams.put(DeadLetterProcessingExceptionHandler.METRICS_CONFIG, metrics);
			factory.setStreamsConfiguration(streams);
		};
	}

	@Bean
	KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factory) {
		return new KafkaStreamsHealthIndicator(factory);
	}

}
