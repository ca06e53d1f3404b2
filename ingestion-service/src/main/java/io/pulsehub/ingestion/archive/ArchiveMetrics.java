package io.pulsehub.ingestion.archive;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The archiver's meters, all named {@code pulsehub.ingestion.archive.*}.
 */
class ArchiveMetrics {

	static final String PREFIX = "pulsehub.ingestion.archive.";

	private final MeterRegistry registry;

	private final Counter archived;

	private final Counter duplicates;

	private final AtomicLong newestArchivedTimestamp;

	ArchiveMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.archived = Counter.builder(PREFIX + "events.archived")
			.description("Events stored in activity_events")
			.register(registry);
		this.duplicates = Counter.builder(PREFIX + "events.duplicates")
			.description("Events not stored: their event id was already archived, or their user was erased")
			.register(registry);
		// Until the first write, progress is measured from the start.
		this.newestArchivedTimestamp = new AtomicLong(clock.millis());
	}

	/**
	 * Records one successful write.
	 * @param rows the rows written
	 * @param inserted how many of them were new
	 * @param newestTimestamp the newest Kafka record timestamp among them
	 */
	void written(int rows, int inserted, long newestTimestamp) {
		this.archived.increment(inserted);
		this.duplicates.increment(rows - inserted);
		this.newestArchivedTimestamp.accumulateAndGet(newestTimestamp, Math::max);
	}

	/**
	 * Records how long one write attempt took.
	 * @param outcome {@code success}, {@code rejected} or {@code unavailable}
	 * @param nanos the duration
	 */
	void writeTook(String outcome, long nanos) {
		Timer.builder(PREFIX + "batch.write")
			.description("Time to write one batch (or one row while isolating a rejected one)")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Counts a record published to the dead-letter topic.
	 * @param reason why it was poison
	 */
	void deadLettered(String reason) {
		Counter.builder(PREFIX + "events.dlt")
			.description("Records published to the dead-letter topic")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * Counts one user erased from the archive.
	 * @param rows how many of their rows were deleted
	 */
	void erased(long rows) {
		erasure("erased");
		Counter.builder(PREFIX + "erased.rows")
			.description("activity_events rows deleted because their user was erased")
			.register(this.registry)
			.increment(rows);
	}

	/**
	 * Counts one profile change the archive eraser acted on.
	 * @param outcome {@code erased} or {@code unreadable}
	 */
	void erasure(String outcome) {
		Counter.builder(PREFIX + "erasures")
			.description("DELETED profile changes applied to the archive, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	/**
	 * The Kafka timestamp of the newest record archived so far (or the start time).
	 * @return epoch milliseconds
	 */
	long newestArchivedTimestamp() {
		return this.newestArchivedTimestamp.get();
	}

}
