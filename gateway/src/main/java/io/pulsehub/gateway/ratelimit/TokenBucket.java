package io.pulsehub.gateway.ratelimit;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}.
 * Time is passed in, so the arithmetic is testable without sleeping.
 */
final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1_000_000_000d;

	private final double capacity;

	private final double perNano;

	private double tokens;

	private long lastRefill;

	TokenBucket(int capacity, int perSecond, long now) {
		this.capacity = capacity;
		this.perNano = perSecond / NANOS_PER_SECOND;
		this.tokens = capacity;
		this.lastRefill = now;
	}

	/**
	 * Takes one token.
	 * @param now the current {@link System#nanoTime()}
	 * @return 0 when a token was taken, otherwise the nanoseconds until one is available
	 */
	synchronized long take(long now) {
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) * this.perNano);
		this.lastRefill = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		return (long) Math.ceil((1 - this.tokens) / this.perNano);
	}

}
