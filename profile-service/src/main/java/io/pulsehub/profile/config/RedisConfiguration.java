package io.pulsehub.profile.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The service's Redis connection, shared by the feature packages that read the hot store.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean
	RedisWarmUp redisWarmUp(RedisConnectionFactory connections) {
		return new RedisWarmUp(connections);
	}

}
