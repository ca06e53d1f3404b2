package io.pulsehub.stream.topology;

import java.time.Duration;

import io.pulsehub.stream.trending.EngagementWeights;

/**
 * What the topology needs to know, free of Spring.
 *
 * @param applicationId the Kafka Streams application id (consumer group of the source)
 * @param dedupeRetention how long an event id is remembered
 * @param trendingRefresh how often trending items are published
 * @param trendingSize how many trending items are kept
 * @param engagementWeights engagement per event type for trending
 */
record TopologySettings(String applicationId, Duration dedupeRetention, Duration trendingRefresh, int trendingSize,
		EngagementWeights engagementWeights, Duration tagsFlushInterval, int tagsMaxPendingUsers) {
}
