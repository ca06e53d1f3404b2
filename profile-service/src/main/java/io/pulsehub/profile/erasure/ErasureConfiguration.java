package io.pulsehub.profile.erasure;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.pulsehub.profile.cache.ProfileCache;
import io.pulsehub.profile.core.ProfileChangePublisher;
import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.ProfileHashStore;
import io.pulsehub.profile.core.StoreGuard;
import io.pulsehub.profile.core.StoreProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires erasure; unfinished erasures are retried every
 * {@code pulsehub.profile.erasure.retry-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasureProperties.class)
class ErasureConfiguration {

	@Bean
	ErasureStore erasureStore(MongoDatabase profileDatabase, CircuitBreakerRegistry breakers) {
		return new ErasureStore(profileDatabase.getCollection(ErasureStore.COLLECTION),
				new StoreGuard(StoreGuard.MONGO, breakers.circuitBreaker(StoreGuard.MONGO)));
	}

	@Bean(destroyMethod = "close")
	ProfileEraser profileEraser(ErasureStore erasures, ProfileHashStore hashes, ProfileDocumentStore documents,
			ProfileChangePublisher changes, ProfileCache cache, Clock clock, StoreProperties store,
			ErasureProperties properties) {
		ProfileEraser eraser = new ProfileEraser(erasures, hashes, documents, changes, cache, clock,
				store.retryAfter());
		eraser.retryEvery(properties.retryInterval());
		return eraser;
	}

}
