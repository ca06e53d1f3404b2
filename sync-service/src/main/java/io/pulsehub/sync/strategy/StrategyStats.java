package io.pulsehub.sync.strategy;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One strategy's numbers since this instance started.
 *
 * @param strategy the strategy
 * @param routed changes the router sent to it
 * @param degraded changes sent to it that went to SCHEDULED because MongoDB was unhealthy
 * @param sectionsWritten profile sections it wrote to MongoDB
 * @param sectionsStale sections MongoDB already had at the same or a newer version
 * @param flushes MongoDB writes (one bulk write each)
 * @param meanBatchUsers mean users per write
 * @param maxBatchUsers most users in one write (decaying)
 * @param failures writes that failed (the changes went to the dirty set or were retried)
 * @param backlog changes waiting now: buffered users, or dirty users in Redis (all
 * instances)
 * @param lagCount changes whose lag was measured
 * @param lagP50Ms median time from the Redis change to its MongoDB write
 * @param lagP99Ms 99th percentile of the same
 */
@Schema(description = "Per-strategy sync statistics of this instance")
public record StrategyStats(StrategyName strategy, long routed, long degraded, long sectionsWritten, long sectionsStale,
		long flushes, double meanBatchUsers, double maxBatchUsers, long failures, long backlog, long lagCount,
		double lagP50Ms, double lagP99Ms) {

}
