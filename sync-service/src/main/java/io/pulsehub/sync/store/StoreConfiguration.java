package io.pulsehub.sync.store;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.pulsehub.contracts.profile.UserProfileDocument;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the stores: Redis profiles, MongoDB documents (database and bounded driver waits
 * from mesh-autoconfigure's {@code pulsehub.mongo.*}) behind the {@value #MONGO_BREAKER}
 * circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/** The MongoDB breaker's instance name in {@code resilience4j.circuitbreaker}. */
	static final String MONGO_BREAKER = "mongo";

	/** Lettuce's own command timeout, when {@code spring.data.redis.timeout} is unset. */
	private static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofSeconds(60);

	@Bean
	CircuitBreaker mongoCircuitBreaker(CircuitBreakerRegistry breakers) {
		return breakers.circuitBreaker(MONGO_BREAKER);
	}

	@Bean
	ProfileDocuments profileDocuments(MongoDatabase database, CircuitBreaker mongoCircuitBreaker) {
		return new ProfileDocuments(database.getCollection(UserProfileDocument.COLLECTION),
				database.getCollection(UserProfileDocument.ERASURES_COLLECTION), mongoCircuitBreaker,
				Clock.systemUTC());
	}

	@Bean
	RedisProfiles redisProfiles(StringRedisTemplate redis, DataRedisProperties properties) {
		Duration timeout = properties.getTimeout();
		return new RedisProfiles(redis, (timeout != null) ? timeout : DEFAULT_REDIS_TIMEOUT);
	}

}
