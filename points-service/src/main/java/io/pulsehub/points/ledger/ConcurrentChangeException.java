package io.pulsehub.points.ledger;

/**
 * The account moved between reading it and writing its new snapshot; the transaction is
 * rolled back and the command retried.
 */
final class ConcurrentChangeException extends RuntimeException {

	ConcurrentChangeException(String userId) {
		super("Account " + userId + " changed concurrently", null, false, false);
	}

}
