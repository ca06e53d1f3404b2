package io.pulsehub.points.outbox;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code points.outbox.*}: backlog (unsent rows), age of the oldest unsent row, messages
 * published and publish failures.
 */
class OutboxMetrics {

	static final String PREFIX = "pulsehub.points.outbox.";

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestAgeMillis = new AtomicLong();

	private final Counter published;

	private final Counter failures;

	OutboxMetrics(MeterRegistry registry) {
		Gauge.builder(PREFIX + "backlog", this.backlog, AtomicLong::get)
			.description("Outbox rows not yet acknowledged by Kafka")
			.register(registry);
		Gauge.builder(PREFIX + "oldest.age", this.oldestAgeMillis, (age) -> age.get() / 1000.0)
			.description("Age of the oldest unsent outbox row")
			.baseUnit("seconds")
			.register(registry);
		this.published = Counter.builder(PREFIX + "published")
			.description("Outbox messages acknowledged by Kafka")
			.register(registry);
		this.failures = Counter.builder(PREFIX + "publish.failures")
			.description("Outbox messages Kafka did not acknowledge (they are retried)")
			.register(registry);
	}

	void backlog(long rows, long oldestAgeMillis) {
		this.backlog.set(rows);
		this.oldestAgeMillis.set(oldestAgeMillis);
	}

	void published(int count) {
		this.published.increment(count);
	}

	void publishFailed(int count) {
		this.failures.increment(count);
	}

}
