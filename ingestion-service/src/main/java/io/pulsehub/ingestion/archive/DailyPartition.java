package io.pulsehub.ingestion.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The partition of {@code activity_events} that holds one UTC day:
 * {@code activity_events_pYYYYMMDD}, for values from that day's midnight (inclusive) to
 * the next one (exclusive).
 *
 * @param day the UTC day
 */
record DailyPartition(LocalDate day) implements Comparable<DailyPartition> {

	static final String PREFIX = "activity_events_p";

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

	/**
	 * The partition's table name, a plain SQL identifier.
	 * @return e.g. {@code activity_events_p20250131}
	 */
	String tableName() {
		return PREFIX + this.day.format(SUFFIX);
	}

	/**
	 * The lower bound, inclusive.
	 * @return the day's start in UTC
	 */
	Instant from() {
		return this.day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * The upper bound, exclusive.
	 * @return the next day's start in UTC
	 */
	Instant to() {
		return this.day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * The daily partition a table name denotes.
	 * @param tableName a table name
	 * @return the partition, or empty for any other table (the default partition, say)
	 */
	static Optional<DailyPartition> parse(String tableName) {
		if (tableName == null || !tableName.startsWith(PREFIX) || tableName.length() != PREFIX.length() + 8) {
			return Optional.empty();
		}
		try {
			return Optional.of(new DailyPartition(LocalDate.parse(tableName.substring(PREFIX.length()), SUFFIX)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	@Override
	public int compareTo(DailyPartition other) {
		return this.day.compareTo(other.day);
	}

}
