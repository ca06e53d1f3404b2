package io.pulsehub.ingestion.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Daily partition names, ranges, and which partitions to create and drop.
 */
class PartitionPlanTests {

	private static final ArchiveProperties.Partitions SETTINGS = new ArchiveProperties.Partitions(30, 3, 400,
			Duration.ofHours(1));

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	@Test
	void namesAPartitionAfterItsUtcDayAndCoversExactlyThatDay() {
		DailyPartition partition = new DailyPartition(LocalDate.of(2025, 1, 31));
		assertThat(partition.tableName()).isEqualTo("activity_events_p20250131");
		assertThat(partition.from()).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
		assertThat(partition.to()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
	}

	@Test
	void parsesItsOwnNamesOnly() {
		assertThat(DailyPartition.parse("activity_events_p20250131"))
			.contains(new DailyPartition(LocalDate.of(2025, 1, 31)));
		assertThat(DailyPartition.parse("activity_events_default")).isEmpty();
		assertThat(DailyPartition.parse("activity_events_p20251399")).isEmpty();
		assertThat(DailyPartition.parse("activity_events_p2025013")).isEmpty();
		assertThat(DailyPartition.parse(null)).isEmpty();
	}

	@Test
	void wantsEveryDayFromTheAcceptHorizonToDaysAhead() {
		List<DailyPartition> wanted = new PartitionPlan(TODAY, SETTINGS).wanted();
		assertThat(wanted).hasSize(30 + 1 + 3);
		assertThat(wanted.get(0).day()).isEqualTo(LocalDate.of(2026, 1, 30));
		assertThat(wanted.get(wanted.size() - 1).day()).isEqualTo(LocalDate.of(2026, 3, 4));
	}

	@Test
	void createsOnlyTheMissingOnes() {
		PartitionPlan plan = new PartitionPlan(TODAY, SETTINGS);
		List<DailyPartition> existing = plan.wanted().subList(0, 32);
		assertThat(plan.missing(existing)).extracting(DailyPartition::day)
			.containsExactly(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4));
	}

	@Test
	void dropsPartitionsWhoseWholeDayIsOlderThanTheRetention() {
		PartitionPlan plan = new PartitionPlan(TODAY, SETTINGS);
		LocalDate cutoffDay = TODAY.minusDays(400);
		assertThat(plan.cutoff()).isEqualTo(cutoffDay.atStartOfDay(ZoneOffset.UTC).toInstant());
		List<DailyPartition> existing = List.of(new DailyPartition(cutoffDay), new DailyPartition(TODAY),
				new DailyPartition(cutoffDay.minusDays(1)), new DailyPartition(cutoffDay.minusDays(30)));
		assertThat(plan.expired(existing)).extracting(DailyPartition::day)
			.containsExactly(cutoffDay.minusDays(30), cutoffDay.minusDays(1));
	}

	@Test
	void refusesARetentionThatWouldDropPartitionsTheApiStillWrites() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ArchiveProperties.Partitions(30, 3, 30, Duration.ofHours(1)));
	}

}
