package io.pulsehub.sync.strategy;

import java.time.Duration;

/**
 * When the write-behind buffer is due: so that a change is in MongoDB within
 * {@code writeBehindMaxDelay} of reaching the buffer, not that long plus a flush, a flush
 * starts once the oldest buffered change has waited the delay less the longest of the
 * last {@value #RECENT} flushes (planning for a slow flush, not an average one). When
 * flushes are slow, batches therefore gather for a shorter time, become smaller and
 * quicker to write, until wait and flush fit the delay again (or, under more load than
 * that, the buffer is flushed at every look, each batch what arrived during the last
 * flush). After a failed flush the next waits a whole delay.
 */
final class FlushDeadline {

	/** How many recent flush durations the lead is taken from. */
	static final int RECENT = 8;

	private final long maxDelayNanos;

	private final long[] recent = new long[RECENT];

	private int next;

	private volatile long lead;

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
		return waitedNanos >= 0 && waitedNanos >= this.maxDelayNanos - this.lead;
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
	synchronized void flushed(long nanos) {
		this.retrying = false;
		this.recent[this.next] = nanos;
		this.next = (this.next + 1) % RECENT;
		long longest = 0;
		for (long duration : this.recent) {
			longest = Math.max(longest, duration);
		}
		this.lead = Math.min(longest, this.maxDelayNanos);
	}

	/**
	 * How much earlier than the delay a flush starts.
	 * @return the lead, in nanoseconds
	 */
	long lead() {
		return this.lead;
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
