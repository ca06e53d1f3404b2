package io.pulsehub.points.projection;

import io.pulsehub.contracts.events.PointsEvent;

/**
 * What one ledger event does to the projected lifetime totals; the balance is absolute
 * ({@code balance_after}).
 *
 * @param earned change to {@code pts.lifetime_earned}
 * @param spent change to {@code pts.lifetime_spent}
 */
record PointsDelta(long earned, long spent) {

	static PointsDelta of(PointsEvent event) {
		long amount = event.getAmount();
		return switch (event.getType()) {
			case EARNED -> new PointsDelta(amount, 0);
			case SPENT -> new PointsDelta(0, amount);
			// A REVERSED amount is the signed change to the balance: taking points back
			// undoes an earn, giving them back undoes a spend.
			case REVERSED -> (amount < 0) ? new PointsDelta(amount, 0) : new PointsDelta(0, -amount);
			default -> throw new IllegalArgumentException("Unknown points event type " + event.getType());
		};
	}

}
