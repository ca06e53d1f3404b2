package io.pulsehub.points.outbox;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox, its relay and the byte-valued Kafka producer every points message goes
 * through.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

	@Bean
	Outbox outbox(JdbcTemplate jdbc) {
		return new Outbox(jdbc, Clock.systemUTC());
	}

	/**
	 * Idempotent, acks=all: a retried send is never duplicated and one user's messages
	 * stay in order.
	 */
	@Bean
	KafkaTemplate<String, byte[]> pointsKafkaTemplate(KafkaProperties properties, MeterRegistry registry) {
		Map<String, Object> config = properties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config,
				new StringSerializer(), new ByteArraySerializer());
		factory.addListener(new MicrometerProducerListener<>(registry));
		return new KafkaTemplate<>(factory);
	}

	@Bean
	OutboxMetrics outboxMetrics(MeterRegistry registry) {
		return new OutboxMetrics(registry);
	}

	@Bean
	OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions,
			KafkaTemplate<String, byte[]> kafka, OutboxMetrics metrics, OutboxProperties properties) {
		OutboxPublisher publisher = new OutboxPublisher(kafka, properties.ackTimeout(), metrics);
		return new OutboxRelay(jdbc, new TransactionTemplate(transactions), publisher, properties, Clock.systemUTC());
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService outboxMonitor(JdbcTemplate jdbc, OutboxMetrics metrics, OutboxProperties properties) {
		OutboxMonitor monitor = new OutboxMonitor(jdbc, metrics, properties, Clock.systemUTC());
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-monitor").daemon().factory());
		executor.scheduleWithFixedDelay(monitor::run, 0, properties.metricsInterval().toMillis(),
				TimeUnit.MILLISECONDS);
		return executor;
	}

}
