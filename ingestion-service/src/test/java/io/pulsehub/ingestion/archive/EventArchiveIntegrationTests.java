package io.pulsehub.ingestion.archive;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's one-statement batch write against the real database: idempotent within
 * and across batches, and how fast it is.
 */
@ArchiveIntegrationTest
class EventArchiveIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(EventArchiveIntegrationTests.class);

	@Autowired
	private JdbcTemplate jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void keepsTheFirstOccurrenceOfAnIdWithinABatchAndNothingOfARepeatedBatch() {
		EventArchive archive = new EventArchive(this.jdbc);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		EventRow first = row(this.run + "-same", now, 10);
		EventRow again = row(this.run + "-same", now.minus(3, ChronoUnit.DAYS), 11);
		EventRow other = row(this.run + "-other", now, 12);

		assertThat(archive.write(List.of(first, again, other))).isEqualTo(2);
		assertThat(archive.write(List.of(first, again, other))).isZero();
		assertThat(this.jdbc.queryForObject("SELECT kafka_offset FROM activity_events WHERE event_id = ?", Long.class,
				first.eventId()))
			.isEqualTo(10);
	}

	@Test
	void writesTenThousandRowsInBatchesOfFiveHundred() {
		EventArchive archive = new EventArchive(this.jdbc);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		int batches = 20;
		int batchSize = 500;
		List<List<EventRow>> all = new ArrayList<>();
		for (int b = 0; b < batches; b++) {
			List<EventRow> batch = new ArrayList<>();
			for (int i = 0; i < batchSize; i++) {
				batch.add(row(this.run + "-perf-" + b + "-" + i, now.minus(i % 30, ChronoUnit.DAYS), i));
			}
			all.add(batch);
		}
		long inserted = 0;
		long start = System.nanoTime();
		for (List<EventRow> batch : all) {
			inserted += archive.write(batch);
		}
		double freshSeconds = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		long repeated = 0;
		for (List<EventRow> batch : all) {
			repeated += archive.write(batch);
		}
		double duplicateSeconds = (System.nanoTime() - start) / 1e9;

		assertThat(inserted).isEqualTo((long) batches * batchSize);
		assertThat(repeated).isZero();
		logger.info(
				"Archive batch write: {} new rows in {} s ({} rows/s); the same rows again (all duplicates) "
						+ "in {} s ({} rows/s)",
				inserted, String.format("%.2f", freshSeconds), Math.round(inserted / freshSeconds),
				String.format("%.2f", duplicateSeconds), Math.round(inserted / duplicateSeconds));
	}

	private static EventRow row(String eventId, Instant occurredAt, long offset) {
		return new EventRow(eventId, "user-" + (offset % 97), "PAGE_VIEW", occurredAt, occurredAt.plusSeconds(1),
				"session-1", "sku-1", "https://shop.example/p/" + offset, "Mozilla/5.0 (X11; Linux x86_64)",
				"203.0.113.0", 0, null, "{\"ref\":\"mail\"}", 0, offset, occurredAt.toEpochMilli());
	}

}
