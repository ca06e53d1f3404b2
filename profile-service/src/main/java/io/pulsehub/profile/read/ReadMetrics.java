package io.pulsehub.profile.read;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The read path's meters: hits and misses per cache level, fallbacks to MongoDB, Redis
 * re-warms, and the latency of each level.
 */
final class ReadMetrics {

	static final String L1 = "l1";

	static final String L2 = "l2";

	static final String L3 = "l3";

	private final MeterRegistry registry;

	ReadMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts one lookup at a level and records how long it took.
	 * @param level {@link #L1}, {@link #L2} or {@link #L3}
	 * @param result {@code hit}, {@code miss}, {@code error} or (L1 only) {@code absent}:
	 * a user known to have no profile
	 * @param took the lookup's duration
	 */
	void lookup(String level, String result, Duration took) {
		Counter.builder("pulsehub.profile.read.lookups")
			.description("Profile lookups per cache level (l1 Caffeine, l2 Redis, l3 MongoDB) and result")
			.tag("level", level)
			.tag("result", result)
			.register(this.registry)
			.increment();
		Timer.builder("pulsehub.profile.read.latency")
			.description("Time one cache level took to answer a profile lookup")
			.tag("level", level)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(took);
	}

	/**
	 * Counts a read that went on to MongoDB.
	 * @param reason {@code redis-unavailable} or {@code redis-miss}
	 */
	void fallback(String reason) {
		Counter.builder("pulsehub.profile.read.fallbacks")
			.description("Profile reads answered from MongoDB instead of Redis, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * Counts a copy of a MongoDB profile back into Redis.
	 * @param outcome {@code ok} or {@code failed}
	 */
	void rewarm(String outcome) {
		Counter.builder("pulsehub.profile.read.rewarms")
			.description("Profiles copied from MongoDB back into Redis, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
