package io.pulsehub.ingestion.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily partitions against the real database: created ahead at start-up, rows parked in
 * the default partition moved into a partition created later, and partitions and event
 * ids older than the retention removed.
 */
@ArchiveIntegrationTest
class PartitionMaintainerIntegrationTests {

	@Autowired
	private PartitionMaintainer maintainer;

	@Autowired
	private ArchiveProperties properties;

	@Autowired
	private JdbcTemplate jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void createsTheAcceptHorizonAndTheDaysAheadAtStartUp() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(this.maintainer.existing())
			.containsAll(new PartitionPlan(today, this.properties.partitions()).wanted());
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('activity_events_default') IS NOT NULL", Boolean.class))
			.isTrue();
	}

	@Test
	void movesRowsOutOfTheDefaultPartitionWhenTheirDayGetsAPartition() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate farAhead = today.plusDays(this.properties.partitions().daysAhead() + 20);
		EventRow row = row(this.run + "-ahead", farAhead);
		new EventArchive(this.jdbc).write(List.of(row));
		assertThat(countIn("activity_events_default", row.eventId())).isOne();

		PartitionMaintainer.Result result = this.maintainer.maintain(farAhead);

		DailyPartition partition = new DailyPartition(farAhead);
		assertThat(result.created()).contains(partition);
		assertThat(countIn(partition.tableName(), row.eventId())).isOne();
		assertThat(countIn("activity_events_default", row.eventId())).isZero();
		assertThat(this.maintainer.maintain(farAhead).created()).isEmpty();
	}

	@Test
	void dropsPartitionsAndEventIdsOlderThanTheRetention() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		int retention = this.properties.partitions().retentionDays();
		LocalDate expiredDay = today.minusDays(retention + 5);
		// Back then, the maintainer created the day's partition and an event was
		// archived.
		this.maintainer.maintain(expiredDay);
		EventRow expired = row(this.run + "-expired", expiredDay);
		EventRow kept = row(this.run + "-kept", today.minusDays(retention - 1));
		new EventArchive(this.jdbc).write(List.of(expired, kept));
		DailyPartition expiredPartition = new DailyPartition(expiredDay);
		assertThat(countIn(expiredPartition.tableName(), expired.eventId())).isOne();

		PartitionMaintainer.Result result = this.maintainer.maintain(today);

		assertThat(result.dropped()).contains(expiredPartition);
		assertThat(this.maintainer.existing()).doesNotContain(expiredPartition)
			.allSatisfy((partition) -> assertThat(partition.to())
				.isAfter(new PartitionPlan(today, this.properties.partitions()).cutoff()));
		assertThat(
				this.jdbc.queryForObject("SELECT to_regclass(?) IS NULL", Boolean.class, expiredPartition.tableName()))
			.isTrue();
		assertThat(idsOf(expired.eventId())).isZero();
		assertThat(idsOf(kept.eventId())).isOne();
		assertThat(countIn("activity_events", kept.eventId())).isOne();
	}

	private long countIn(String table, String eventId) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE event_id = ?", Long.class,
				eventId);
		return (count != null) ? count : 0;
	}

	private long idsOf(String eventId) {
		return countIn("activity_event_ids", eventId);
	}

	private static EventRow row(String eventId, LocalDate day) {
		Instant occurredAt = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
		return new EventRow(eventId, "user-" + eventId, "PAGE_VIEW", occurredAt, null, null, null, null, null, null, 0,
				null, "{}", 0, 0, occurredAt.toEpochMilli());
	}

}
