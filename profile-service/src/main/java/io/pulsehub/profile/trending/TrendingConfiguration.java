package io.pulsehub.profile.trending;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the trending API to Boot's {@link StringRedisTemplate}, whose command timeout
 * ({@code spring.data.redis.timeout}) bounds every read.
 */
@Configuration(proxyBeanMethods = false)
class TrendingConfiguration {

	@Bean
	TrendingMetrics trendingMetrics(MeterRegistry registry) {
		return new TrendingMetrics(registry);
	}

	@Bean
	TrendingReader trendingReader(StringRedisTemplate redis, TrendingMetrics metrics) {
		return new TrendingReader(redis, metrics);
	}

}
