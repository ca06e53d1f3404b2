package io.pulsehub.profile.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The service's Redis connection and clock, shared by the feature packages.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	RedisWarmUp redisWarmUp(RedisConnectionFactory connections) {
		return new RedisWarmUp(connections);
	}

}
