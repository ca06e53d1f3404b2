package io.pulsehub.sync.strategy;

import java.time.Duration;

/**
 * When the write-behind buffer is due: so that a change is in MongoDB about
 * {@code writeBehindMaxDelay} after it reached the buffer, not that long plus a flush, a
 * flush starts once the oldest buffered change has waited the delay less the time recent
 * flushes took (their moving average, at most half the delay, so a batch always gathers
 * for at least half of it). After a failed flush the next waits a whole delay.
 */
final class FlushDeadline {

	/** Weight of the newest flush in the moving average. */
	private static final double WEIGHT = 0.2;

	private final long maxDelayNanos;

	private volatile long expectedFlushNanos;

	private volatile long retryAt;

	private volatile boolean retrying;

	FlushDeadline(Duration maxDelay) {
		this.maxDelayNanos = maxDelay.toNanos();
	}

	/**
	 * Whether the buffer must be flushed now.
	 * @param waitedNanos how long its oldest change has waited, negative when it holds
	 * nothing
	 * @param now the time ({@link System#nanoTime()})
	 * @return whether to flush
	 */
	boolean due(long waitedNanos, long now) {
		if (this.retrying && now - this.retryAt < 0) {
			return false;
		}
		return waitedNanos >= 0 && waitedNanos >= this.maxDelayNanos - lead();
	}

	/**
	 * A flush failed (its batch went back into the buffer): the next waits a whole delay.
	 * @param now the time ({@link System#nanoTime()})
	 */
	void failed(long now) {
		this.retryAt = now + this.maxDelayNanos;
		this.retrying = true;
	}

	/**
	 * A flush that wrote something took this long.
	 * @param nanos its duration
	 */
	void flushed(long nanos) {
		this.retrying = false;
		long expected = this.expectedFlushNanos;
		this.expectedFlushNanos = (expected == 0) ? nanos : (long) (expected + WEIGHT * (nanos - expected));
	}

	/**
	 * How much earlier than the delay a flush starts.
	 * @return the lead, in nanoseconds
	 */
	long lead() {
		return Math.min(this.expectedFlushNanos, this.maxDelayNanos / 2);
	}

	/**
	 * How often to look whether the buffer is due: a twentieth of the delay, between 5
	 * and 50 ms.
	 * @param maxDelay the delay
	 * @return the interval
	 */
	static Duration tick(Duration maxDelay) {
		long millis = Math.clamp(maxDelay.toMillis() / 20, 5, 50);
		return Duration.ofMillis(millis);
	}

}
