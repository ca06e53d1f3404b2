package io.pulsehub.profile.core;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.profile.UserProfileDocument;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Wires the profile stores: Redis, MongoDB (indexes at start-up; driver waits bounded by
 * mesh-autoconfigure's {@code pulsehub.mongo.*}) and the change topic, each behind its
 * circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StoreConfiguration {

	private static final Log logger = LogFactory.getLog(StoreConfiguration.class);

	@Bean
	ProfileHashStore profileHashStore(StringRedisTemplate redis, CircuitBreakerRegistry breakers) {
		return new ProfileHashStore(redis, new StoreGuard(StoreGuard.REDIS, breakers.circuitBreaker(StoreGuard.REDIS)));
	}

	@Bean
	ProfileDocumentStore profileDocumentStore(MongoDatabase database, CircuitBreakerRegistry breakers) {
		return new ProfileDocumentStore(database.getCollection(UserProfileDocument.COLLECTION),
				database.getCollection(UserProfileDocument.ERASURES_COLLECTION),
				new StoreGuard(StoreGuard.MONGO, breakers.circuitBreaker(StoreGuard.MONGO)));
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> profileIndexes(ProfileDocumentStore documents) {
		return (event) -> {
			try {
				documents.createIndexes();
			}
			catch (MongoException ex) {
				// reads fall back to Redis meanwhile; the next start creates them
				logger.warn("Could not create the user_profiles indexes: " + ex.getMessage());
			}
		};
	}

	@Bean(destroyMethod = "close")
	ProfileChangePublisher profileChangePublisher(KafkaProperties kafka,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers, StoreProperties properties) {
		// not a bean: a ProducerFactory bean would replace Boot's own
		Topic<String, ProfileChanged> topic = Topics.PROFILE_CHANGES;
		DefaultKafkaProducerFactory<String, ProfileChanged> factory = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(), topic.keySerde().serializer(), topic.valueSerde().serializer());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		return new ProfileChangePublisher(factory, topic, properties.publishTimeout());
	}

}
