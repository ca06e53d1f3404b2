package io.pulsehub.points.ledger;

import io.pulsehub.contracts.events.PointsEventType;

/**
 * What a ledger event did to the balance.
 */
public enum EntryType {

	/** Points credited. */
	EARNED(PointsEventType.EARNED),

	/** Points debited. */
	SPENT(PointsEventType.SPENT),

	/** A compensation of an earlier EARNED or SPENT transaction. */
	REVERSED(PointsEventType.REVERSED);

	private final PointsEventType wire;

	EntryType(PointsEventType wire) {
		this.wire = wire;
	}

	PointsEventType wire() {
		return this.wire;
	}

}
