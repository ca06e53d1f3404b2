package io.pulsehub.points.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The read-side projector: its Kafka consumer, the Redis projection and the rebuild.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

	/**
	 * Byte-valued records, earliest offset for a new group; a failure (Redis or Kafka
	 * down) is retried with backoff without limit, holding the partition's offset, while
	 * an undecodable record is logged and skipped.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> pointsListenerFactory(KafkaProperties properties,
			MeterRegistry registry) {
		Map<String, Object> config = properties.buildConsumerProperties();
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
				new StringDeserializer(), new ByteArrayDeserializer());
		consumers.addListener(new MicrometerConsumerListener<>(registry));
		ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
		backOff.setMaxInterval(Duration.ofSeconds(5).toMillis());
		DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
		errors.addNotRetryableExceptions(InvalidProtocolBufferException.class);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumers);
		factory.setCommonErrorHandler(errors);
		return factory;
	}

	@Bean
	RedisPointsProjection redisPointsProjection(StringRedisTemplate redis) {
		return new RedisPointsProjection(redis);
	}

	@Bean
	ProfileChangePublisher profileChangePublisher(KafkaTemplate<String, byte[]> kafka) {
		return new ProfileChangePublisher(kafka, Duration.ofSeconds(10));
	}

	@Bean
	PointsProjector pointsProjector(RedisPointsProjection projection, ProfileChangePublisher changes,
			MeterRegistry registry) {
		return new PointsProjector(projection, changes, registry, Clock.systemUTC());
	}

	@Bean
	ProjectionRebuilder projectionRebuilder(JdbcTemplate jdbc, RedisPointsProjection projection,
			ProfileChangePublisher changes) {
		return new ProjectionRebuilder(jdbc, projection, changes, Clock.systemUTC());
	}

}
