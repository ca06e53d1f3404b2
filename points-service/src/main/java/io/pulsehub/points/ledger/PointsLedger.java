package io.pulsehub.points.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.pulsehub.contracts.Topics;
import io.pulsehub.points.outbox.Outbox;
import io.pulsehub.points.risk.RiskCheck;
import io.pulsehub.points.risk.RiskControl;
import io.pulsehub.points.risk.RiskRejection;

/**
 * Executes earn and spend commands: in one transaction it claims the Idempotency-Key,
 * asks risk control, appends the ledger event, moves the account snapshot under
 * optimistic concurrency and writes the outbox row.
 */
class PointsLedger {

	private final OptimisticRetry retry;

	private final LedgerStore store;

	private final IdempotencyStore keys;

	private final RiskControl risk;

	private final Outbox outbox;

	private final Clock clock;

	PointsLedger(OptimisticRetry retry, LedgerStore store, IdempotencyStore keys, RiskControl risk, Outbox outbox,
			Clock clock) {
		this.retry = retry;
		this.store = store;
		this.keys = keys;
		this.risk = risk;
		this.outbox = outbox;
		this.clock = clock;
	}

	CommandResult execute(PointsCommand command) {
		return this.retry.run(command.userId(), () -> executeOnce(command));
	}

	private CommandResult executeOnce(PointsCommand command) {
		Instant now = now();
		String fingerprint = command.fingerprint();
		if (!this.keys.claim(command.idempotencyKey(), fingerprint, Timestamp.from(now))) {
			return replay(command.idempotencyKey(), fingerprint);
		}
		CommandResult result = decide(command, now);
		this.keys.record(command.idempotencyKey(), result);
		return result;
	}

	private CommandResult decide(PointsCommand command, Instant now) {
		Account account = this.store.account(command.userId()).orElseGet(() -> Account.empty(command.userId()));
		Optional<RiskRejection> rejection = this.risk
			.assess(new RiskCheck(command.userId(), command.type() == EntryType.SPENT, command.amount()));
		if (rejection.isPresent()) {
			return new CommandResult.RiskRejected(rejection.get().ruleId(), rejection.get().detail());
		}
		Account next;
		try {
			next = (command.type() == EntryType.EARNED) ? account.earned(command.amount())
					: account.spent(command.amount());
		}
		catch (InsufficientPointsException ex) {
			return new CommandResult.Insufficient("The balance of " + ex.balance() + " points does not cover "
					+ ex.requested() + "; nothing was written.");
		}
		LedgerEvent event = new LedgerEvent(UUID.randomUUID(), command.userId(), next.version(), command.type(),
				command.amount(), next.balance(), command.reason(), UUID.randomUUID(), null, command.idempotencyKey(),
				now);
		commit(account, next, event);
		return new CommandResult.Applied(event, false);
	}

	/**
	 * Writes an event and its snapshot, or throws {@link ConcurrentChangeException} so
	 * the caller's transaction rolls back and is retried.
	 */
	void commit(Account previous, Account next, LedgerEvent event) {
		if (!this.store.saveAndAppend(previous, next, event)) {
			throw new ConcurrentChangeException(next.userId());
		}
		this.outbox.add(Topics.POINTS_EVENTS.name(), event.userId(), event.toMessage().toByteArray());
	}

	private CommandResult replay(String key, String fingerprint) {
		IdempotencyStore.Stored stored = this.keys.find(key)
			.orElseThrow(() -> new IllegalStateException("Idempotency key " + key + " vanished"));
		if (!stored.fingerprint().equals(fingerprint)) {
			throw PointsProblem.idempotencyKeyReused();
		}
		return switch (stored.outcome()) {
			case "APPLIED" -> new CommandResult.Applied(this.store.byTransaction(stored.transactionId())
				.orElseThrow(() -> new IllegalStateException("Transaction " + stored.transactionId() + " vanished")),
					true);
			case "INSUFFICIENT" -> new CommandResult.Insufficient(stored.detail());
			case "RISK_REJECTED" -> new CommandResult.RiskRejected(stored.ruleId(), stored.detail());
			default -> throw new IllegalStateException("Unknown stored outcome " + stored.outcome());
		};
	}

	private Instant now() {
		// PostgreSQL keeps microseconds: truncating here makes a replayed answer equal
		// the
		// first one.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
