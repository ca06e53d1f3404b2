package io.pulsehub.ingestion.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which daily partitions should exist on a given day and which have outlived the
 * retention; no I/O.
 *
 * @param today the current UTC day
 * @param settings the partition settings
 */
record PartitionPlan(LocalDate today, ArchiveProperties.Partitions settings) {

	/**
	 * Every partition an event may need today: from the oldest day the collection API
	 * accepts to {@code days-ahead} days after today.
	 * @return the partitions, oldest first
	 */
	List<DailyPartition> wanted() {
		LocalDate first = this.today.minusDays(this.settings.horizonDays());
		LocalDate last = this.today.plusDays(this.settings.daysAhead());
		return first.datesUntil(last.plusDays(1)).map(DailyPartition::new).toList();
	}

	/**
	 * The wanted partitions that do not exist yet.
	 * @param existing the partitions that exist
	 * @return the partitions to create, oldest first
	 */
	List<DailyPartition> missing(Collection<DailyPartition> existing) {
		return wanted().stream().filter((partition) -> !existing.contains(partition)).toList();
	}

	/**
	 * The existing partitions whose every row is older than the retention.
	 * @param existing the partitions that exist
	 * @return the partitions to drop, oldest first
	 */
	List<DailyPartition> expired(Collection<DailyPartition> existing) {
		Instant cutoff = cutoff();
		Stream<DailyPartition> candidates = existing.stream().sorted();
		return candidates.filter((partition) -> !partition.to().isAfter(cutoff)).toList();
	}

	/**
	 * The oldest event time that is still retained.
	 * @return midnight UTC {@code retention-days} before today
	 */
	Instant cutoff() {
		return this.today.minusDays(this.settings.retentionDays()).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
