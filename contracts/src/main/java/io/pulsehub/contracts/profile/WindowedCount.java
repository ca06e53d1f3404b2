package io.pulsehub.contracts.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A sliding-window count kept as event-time buckets and summed when read, so a windowed
 * tag is true at read time rather than frozen at the last event.
 * <p>
 * A bucket counts while its start lies within the window before the read instant: an
 * event leaves the count no later than one window after it happened and at most one
 * bucket earlier. Encoded as {@code <window s>/<bucket s>|<bucket start s>:<count>,...},
 * e.g. {@code 300/10|1795428000:2,1795428010:1}; the format describes itself, so a reader
 * needs no configuration.
 *
 * @param window the window length
 * @param bucket the bucket width, a divisor of the window
 * @param counts events per bucket, by bucket start in epoch seconds
 */
public record WindowedCount(Duration window, Duration bucket, NavigableMap<Long, Long> counts) {

	private static final int MAX_BUCKETS = 10_000;

	public WindowedCount {
		long windowSeconds = window.toSeconds();
		long bucketSeconds = bucket.toSeconds();
		if (bucketSeconds <= 0 || windowSeconds < bucketSeconds || windowSeconds % bucketSeconds != 0
				|| windowSeconds / bucketSeconds > MAX_BUCKETS) {
			throw new IllegalArgumentException("Window " + window + " is not a multiple of bucket " + bucket);
		}
		counts = Collections.unmodifiableNavigableMap(new TreeMap<>(counts));
	}

	/**
	 * An empty count.
	 * @param window the window length
	 * @param bucket the bucket width, a divisor of the window
	 * @return a count of zero
	 */
	public static WindowedCount empty(Duration window, Duration bucket) {
		return new WindowedCount(window, bucket, new TreeMap<>());
	}

	/**
	 * This count with events added to the bucket of their time, and buckets that no
	 * longer count at {@code now} dropped.
	 * @param eventTime when the events happened
	 * @param events how many
	 * @param now the stream's current time
	 * @return the new count; this one if the events are already out of the window
	 */
	public WindowedCount plus(Instant eventTime, long events, Instant now) {
		long start = bucketStart(eventTime);
		if (start < oldestCountedStart(now)) {
			return this;
		}
		TreeMap<Long, Long> next = new TreeMap<>(this.counts.tailMap(oldestCountedStart(now), true));
		next.merge(start, events, Long::sum);
		return new WindowedCount(this.window, this.bucket, next);
	}

	/**
	 * The events within the window that ends at {@code now}.
	 * @param now the read instant
	 * @return the sum of the buckets that still count
	 */
	public long valueAt(Instant now) {
		long sum = 0;
		for (long count : this.counts.tailMap(oldestCountedStart(now), true).values()) {
			sum += count;
		}
		return sum;
	}

	/**
	 * Whether an event at {@code eventTime} would still count at {@code now}.
	 * @param eventTime when the event happened
	 * @param now the stream's current time
	 * @return false for an event too late for this window
	 */
	public boolean counts(Instant eventTime, Instant now) {
		return bucketStart(eventTime) >= oldestCountedStart(now);
	}

	/**
	 * The wire format stored in Redis.
	 * @return e.g. {@code 300/10|1795428000:2,1795428010:1}
	 */
	public String encode() {
		StringBuilder text = new StringBuilder(16 + this.counts.size() * 16);
		text.append(this.window.toSeconds()).append('/').append(this.bucket.toSeconds()).append('|');
		boolean first = true;
		for (Map.Entry<Long, Long> entry : this.counts.entrySet()) {
			if (!first) {
				text.append(',');
			}
			text.append(entry.getKey()).append(':').append(entry.getValue());
			first = false;
		}
		return text.toString();
	}

	/**
	 * Reads the wire format.
	 * @param text what {@link #encode()} wrote
	 * @return the count
	 * @throws IllegalArgumentException if the text is not a windowed count
	 */
	public static WindowedCount decode(String text) {
		try {
			int bar = text.indexOf('|');
			int slash = text.indexOf('/');
			if (bar < 0 || slash < 0 || slash > bar) {
				throw new IllegalArgumentException("Not a windowed count: " + abbreviate(text));
			}
			Duration window = Duration.ofSeconds(Long.parseLong(text.substring(0, slash)));
			Duration bucket = Duration.ofSeconds(Long.parseLong(text.substring(slash + 1, bar)));
			TreeMap<Long, Long> counts = new TreeMap<>();
			String buckets = text.substring(bar + 1);
			if (!buckets.isEmpty()) {
				for (String pair : buckets.split(",", -1)) {
					int colon = pair.indexOf(':');
					counts.put(Long.parseLong(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
				}
			}
			return new WindowedCount(window, bucket, counts);
		}
		catch (NumberFormatException | IndexOutOfBoundsException ex) {
			throw new IllegalArgumentException("Not a windowed count: " + abbreviate(text), ex);
		}
	}

	private long bucketStart(Instant time) {
		long seconds = time.getEpochSecond();
		return Math.floorDiv(seconds, this.bucket.toSeconds()) * this.bucket.toSeconds();
	}

	private long oldestCountedStart(Instant now) {
		return now.getEpochSecond() - this.window.toSeconds();
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "...";
	}

}
