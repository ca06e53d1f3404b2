package io.pulsehub.sync.store;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.pulsehub.contracts.profile.UserProfileDocument;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the stores: Redis profiles, MongoDB documents (bounded driver timeouts) behind
 * the {@value #MONGO_BREAKER} circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StoreConfiguration {

	/** The MongoDB breaker's instance name in {@code resilience4j.circuitbreaker}. */
	static final String MONGO_BREAKER = "mongo";

	@Bean
	MongoClientSettingsBuilderCustomizer syncMongoTimeouts(StoreProperties properties) {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster
				.serverSelectionTimeout(properties.mongoServerSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket
				.connectTimeout((int) properties.mongoConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout((int) properties.mongoReadTimeout().toMillis(), TimeUnit.MILLISECONDS));
	}

	@Bean
	MongoDatabase syncDatabase(MongoClient mongo, MongoConnectionDetails connection, StoreProperties properties) {
		String name = properties.database();
		if (name.isEmpty()) {
			String fromUri = connection.getConnectionString().getDatabase();
			name = (fromUri != null) ? fromUri : "pulsehub";
		}
		return mongo.getDatabase(name);
	}

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
	RedisProfiles redisProfiles(StringRedisTemplate redis) {
		return new RedisProfiles(redis);
	}

}
