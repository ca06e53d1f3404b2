package io.pulsehub.sync.strategy;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.sync.store.ProfileDocuments;
import io.pulsehub.sync.store.RedisProfiles;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the strategies, the write-behind buffer and the dirty-set drainer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingProperties.class)
class StrategyConfiguration {

	@Bean
	SyncMetrics syncMetrics(MeterRegistry registry) {
		return new SyncMetrics(registry);
	}

	@Bean
	WriteBehindBuffer writeBehindBuffer() {
		return new WriteBehindBuffer();
	}

	@Bean
	DirtyUsers dirtyUsers(StringRedisTemplate redis) {
		return new DirtyUsers(redis);
	}

	@Bean
	ProfileSync profileSync(RedisProfiles redis, ProfileDocuments documents, SyncMetrics metrics) {
		return new ProfileSync(redis, documents, metrics);
	}

	@Bean
	WriteThroughStrategy writeThroughStrategy(ProfileSync sync, DirtyUsers dirty, WriteBehindBuffer buffer,
			SyncMetrics metrics) {
		return new WriteThroughStrategy(sync, dirty, buffer, metrics);
	}

	@Bean
	WriteBehindStrategy writeBehindStrategy(WriteBehindBuffer buffer, ProfileSync sync, DirtyUsers dirty,
			SyncMetrics metrics, SchedulingProperties properties) {
		return new WriteBehindStrategy(buffer, sync, dirty, metrics, properties);
	}

	@Bean
	ScheduledStrategy scheduledStrategy(DirtyUsers dirty, WriteBehindBuffer buffer) {
		return new ScheduledStrategy(dirty, buffer);
	}

	@Bean
	SkipStrategy skipStrategy(WriteBehindBuffer buffer) {
		return new SkipStrategy(buffer);
	}

	@Bean
	DirtyDrainer dirtyDrainer(DirtyUsers dirty, ProfileSync sync, SyncMetrics metrics,
			SchedulingProperties properties) {
		return new DirtyDrainer(dirty, sync, metrics, properties);
	}

	@Bean
	SyncStrategies syncStrategies(List<SyncStrategy> strategies) {
		return new SyncStrategies(strategies);
	}

}
