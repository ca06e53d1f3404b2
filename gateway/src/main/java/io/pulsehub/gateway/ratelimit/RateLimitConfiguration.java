package io.pulsehub.gateway.ratelimit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * The per-API-key limiter: Spring Cloud Gateway's Redis token bucket (one Lua script per
 * call), so every gateway instance draws from the same bucket of a key.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RedisRateLimiter apiKeyRateLimiter(RateLimitProperties properties) {
		return new RedisRateLimiter(properties.requestsPerSecond(), properties.burst());
	}

	/**
	 * Pins the token bucket's Lua script to its text, read from the jar once: as Spring
	 * Cloud Gateway configures it, the script asks the jar for the file's modification
	 * time on every call, which was about 2 % of the gateway's CPU per call.
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor pinRateLimiterScript() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(beanName)
						&& bean instanceof DefaultRedisScript<?> script) {
					script.setScriptText(script.getScriptAsString());
				}
				return bean;
			}
		};
	}

}
