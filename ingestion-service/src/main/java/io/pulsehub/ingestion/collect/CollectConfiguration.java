package io.pulsehub.ingestion.collect;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.UserActivityEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Wires the collection API. The event producer is its own (typed by the topic catalogue),
 * so Boot's general-purpose {@code KafkaTemplate} stays available to others.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectProperties.class)
class CollectConfiguration {

	@Bean
	EventParser eventParser(CollectProperties properties) {
		return new EventParser(properties, Clock.systemUTC());
	}

	@Bean
	JsonBodyReader jsonBodyReader(CollectProperties properties) {
		return new JsonBodyReader(properties.maxBody().toBytes());
	}

	@Bean
	CollectMetrics collectMetrics(MeterRegistry registry) {
		return new CollectMetrics(registry);
	}

	@Bean(destroyMethod = "close")
	EventPublisher eventPublisher(KafkaProperties kafka,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers, CircuitBreakerRegistry circuitBreakers,
			CollectProperties properties, CollectMetrics metrics) {
		// not a bean: a ProducerFactory bean would replace Boot's own
		Topic<String, UserActivityEvent> topic = Topics.USER_ACTIVITY_EVENTS;
		DefaultKafkaProducerFactory<String, UserActivityEvent> factory = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(), topic.keySerde().serializer(), topic.valueSerde().serializer());
		// Boot's customizers bind the producer's client metrics to Micrometer
		customizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		return new EventPublisher(factory, topic, circuitBreakers.circuitBreaker(EventPublisher.CIRCUIT_BREAKER),
				properties, metrics);
	}

	@Bean
	EventCollector eventCollector(EventPublisher publisher, CollectMetrics metrics) {
		return new EventCollector(publisher, metrics);
	}

}
