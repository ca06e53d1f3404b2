package io.pulsehub.points.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;

/**
 * Compensates a transaction with a REVERSED event; the original event is never updated or
 * deleted.
 */
class Reversals {

	private final OptimisticRetry retry;

	private final LedgerStore store;

	private final PointsLedger ledger;

	private final Clock clock;

	Reversals(OptimisticRetry retry, LedgerStore store, PointsLedger ledger, Clock clock) {
		this.retry = retry;
		this.store = store;
		this.ledger = ledger;
		this.clock = clock;
	}

	LedgerEvent reverse(UUID transactionId, String reason) {
		LedgerEvent original = this.store.byTransaction(transactionId)
			.orElseThrow(() -> PointsProblem.transactionNotFound(transactionId));
		try {
			return this.retry.run(original.userId(), () -> reverseOnce(original, reason));
		}
		catch (DuplicateKeyException ex) {
			// A concurrent reversal of the same transaction committed first.
			throw PointsProblem.alreadyReversed(transactionId);
		}
	}

	private LedgerEvent reverseOnce(LedgerEvent original, String reason) {
		if (original.type() == EntryType.REVERSED) {
			throw PointsProblem.notReversible(original.transactionId());
		}
		if (this.store.isReversed(original.transactionId())) {
			throw PointsProblem.alreadyReversed(original.transactionId());
		}
		Account account = this.store.account(original.userId())
			.orElseThrow(() -> new IllegalStateException("No account for ledger user " + original.userId()));
		Account next;
		try {
			next = account.reversed(original);
		}
		catch (InsufficientPointsException ex) {
			throw PointsProblem.insufficientPoints("Reversing " + original.amount() + " earned points needs them "
					+ "on the balance, which is " + ex.balance() + "; nothing was written.");
		}
		long change = next.balance() - account.balance();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		LedgerEvent event = new LedgerEvent(UUID.randomUUID(), original.userId(), next.version(), EntryType.REVERSED,
				change, next.balance(), reason, UUID.randomUUID(), original.transactionId(), null, now);
		this.ledger.commit(account, next, event);
		return event;
	}

}
