package io.pulsehub.stream.topology;

import java.time.Duration;
import java.util.Map;

import io.pulsehub.contracts.events.EventType;
import io.pulsehub.stream.trending.EngagementWeights;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The stream-processor's own settings ({@code pulsehub.stream.*}); Kafka Streams itself
 * is configured under {@code spring.kafka.streams.*}.
 *
 * @param dedupeRetention how long an event id is remembered to drop duplicates
 * @param trendingRefresh how often each partition publishes its trending items
 * @param trendingSize how many trending items Redis keeps
 * @param engagementWeights engagement per event type; empty means the defaults (view 1,
 * click 3, add-to-cart 5, purchase 10)
 * @param deviceCacheSize user agents whose classification is cached
 * @param redisRetryFor how long one tag write is retried while Redis is down before the
 * stream thread is replaced (it then resumes from its last commit)
 * @param tagsFlushInterval how often pending tag writes are sent to Redis without waiting
 * for the answer (a punctuation that runs after a batch of records, so 1 ms means after
 * every batch); they are confirmed before each commit
 * @param tagsMaxPendingUsers users written since the last commit after which a task waits
 * for Redis to confirm them at once
 */
@Validated
@ConfigurationProperties("pulsehub.stream")
record StreamProperties(@DefaultValue("24h") Duration dedupeRetention, @DefaultValue("5s") Duration trendingRefresh,
		@DefaultValue("200") @Positive @Max(10_000) int trendingSize, Map<EventType, Integer> engagementWeights,
		@DefaultValue("10000") @Positive int deviceCacheSize, @DefaultValue("30s") Duration redisRetryFor,
		@DefaultValue("1ms") Duration tagsFlushInterval, @DefaultValue("1000") @Positive int tagsMaxPendingUsers) {

	EngagementWeights weights() {
		return (this.engagementWeights == null || this.engagementWeights.isEmpty()) ? EngagementWeights.defaults()
				: new EngagementWeights(this.engagementWeights);
	}

	TopologySettings settings(String applicationId) {
		return new TopologySettings(applicationId, this.dedupeRetention, this.trendingRefresh, this.trendingSize,
				weights(), this.tagsFlushInterval, this.tagsMaxPendingUsers);
	}

}
