package io.pulsehub.ingestion.archive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cold-path archiver ({@code pulsehub.ingestion.archive.*}).
 *
 * @param enabled whether the archiver consumes at all (tests of other features turn it
 * off)
 * @param groupId the Kafka consumer group
 * @param batchSize the most records one poll hands to one database write
 * @param concurrency consumer threads, each with its own database connection while it
 * writes
 * @param lagRefreshInterval how often the archive lag is read from Kafka
 * @param retry how failures are retried
 * @param partitions how the daily partitions are kept
 */
@ConfigurationProperties("pulsehub.ingestion.archive")
public record ArchiveProperties(@DefaultValue("true") boolean enabled, @DefaultValue("cold-archiver") String groupId,
		@DefaultValue("500") int batchSize, @DefaultValue("1") int concurrency,
		@DefaultValue("15s") Duration lagRefreshInterval, @DefaultValue Retry retry,
		@DefaultValue Partitions partitions) {

	public ArchiveProperties {
		if (batchSize < 1 || concurrency < 1) {
			throw new IllegalArgumentException("batch-size and concurrency must be at least 1");
		}
	}

	/**
	 * Exponential back-off between attempts: bounded for poison records, unbounded (each
	 * wait capped at {@code maxInterval}) while the database is unavailable.
	 *
	 * @param initialInterval the first wait
	 * @param multiplier the factor from one wait to the next
	 * @param maxInterval the longest wait
	 * @param poisonRetries how often a poison record is retried before it goes to the
	 * dead-letter topic
	 */
	public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2.0") double multiplier,
			@DefaultValue("30s") Duration maxInterval, @DefaultValue("2") int poisonRetries) {

		public Retry {
			if (multiplier < 1.0 || poisonRetries < 0 || initialInterval.isNegative()
					|| maxInterval.compareTo(initialInterval) < 0) {
				throw new IllegalArgumentException(
						"retry needs multiplier >= 1, poison-retries >= 0 and max-interval >= initial-interval");
			}
		}

	}

	/**
	 * Daily partitions of {@code activity_events} (UTC days).
	 *
	 * @param horizonDays how many days back partitions must exist: the oldest event the
	 * collection API accepts
	 * @param daysAhead how many days ahead partitions are created
	 * @param retentionDays how long events are kept; older partitions are dropped
	 * @param maintenanceInterval how often partitions are created and dropped
	 */
	public record Partitions(@DefaultValue("30") int horizonDays, @DefaultValue("3") int daysAhead,
			@DefaultValue("400") int retentionDays, @DefaultValue("1h") Duration maintenanceInterval) {

		public Partitions {
			if (horizonDays < 0 || daysAhead < 1 || retentionDays <= horizonDays) {
				throw new IllegalArgumentException(
						"partitions need horizon-days >= 0, days-ahead >= 1 and retention-days > horizon-days");
			}
		}

	}

}
