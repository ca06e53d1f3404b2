package io.pulsehub.sync.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Whether MongoDB is healthy enough for write-through and write-behind: its circuit
 * breaker (failure rate and slow-call rate, see {@code resilience4j.circuitbreaker}) is
 * closed.
 */
public class MongoHealth {

	private final CircuitBreaker breaker;

	public MongoHealth(CircuitBreaker breaker) {
		this.breaker = breaker;
	}

	boolean degraded() {
		CircuitBreaker.State state = this.breaker.getState();
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
				|| state == CircuitBreaker.State.HALF_OPEN;
	}

}
