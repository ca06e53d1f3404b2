package io.pulsehub.profile.trending;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The trending API's meters: requests by outcome, and how long Redis took to answer.
 */
final class TrendingMetrics {

	/** Answered with the board. */
	static final String OK = "ok";

	/** Refused for bad parameters (400). */
	static final String INVALID = "invalid";

	/** Redis did not answer in time or failed (503). */
	static final String UNAVAILABLE = "unavailable";

	private final MeterRegistry registry;

	private final Timer readsAnswered;

	private final Timer readsFailed;

	TrendingMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.readsAnswered = readTimer(registry, "ok");
		this.readsFailed = readTimer(registry, "failed");
	}

	void answered(String outcome) {
		Counter.builder("pulsehub.profile.trending.requests")
			.description("Trending requests, by outcome (ok, invalid, unavailable)")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void read(Duration latency, boolean answered) {
		(answered ? this.readsAnswered : this.readsFailed).record(latency);
	}

	private static Timer readTimer(MeterRegistry registry, String outcome) {
		return Timer.builder("pulsehub.profile.trending.read.latency")
			.description("Time Redis took to return a trending board, or to fail")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(registry);
	}

}
