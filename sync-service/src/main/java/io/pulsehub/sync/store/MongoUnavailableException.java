package io.pulsehub.sync.store;

/**
 * MongoDB failed, timed out, or its circuit breaker is open: the caller keeps the change
 * (dirty set, retry) instead of losing it.
 */
public class MongoUnavailableException extends RuntimeException {

	MongoUnavailableException(Throwable cause) {
		super("MongoDB is unavailable: " + cause.getMessage(), cause);
	}

}
