package io.pulsehub.points.ledger;

/**
 * A debit larger than the balance; the domain's refusal, turned into a 409 problem detail
 * at the edge.
 */
final class InsufficientPointsException extends RuntimeException {

	private final long balance;

	private final long requested;

	InsufficientPointsException(long balance, long requested) {
		super("Balance " + balance + " does not cover " + requested + " points");
		this.balance = balance;
		this.requested = requested;
	}

	long balance() {
		return this.balance;
	}

	long requested() {
		return this.requested;
	}

}
