package io.pulsehub.points.ledger;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to an applied command: the ledger event it appended.
 *
 * @param transactionId the ledger transaction; what a reversal names
 * @param userId the user
 * @param type EARNED, SPENT or REVERSED
 * @param amount points moved; for REVERSED the signed change to the balance
 * @param balance the balance right after this transaction
 * @param sequence the user's ledger sequence of the event
 * @param reversesTransactionId for REVERSED the compensated transaction
 * @param occurredAt when it was committed
 */
@Schema(description = "An applied ledger transaction")
record TransactionView(@Schema(example = "0b6f3c1e-6a51-4f0e-9d3c-3f6a2b7c9e10") String transactionId,
		@Schema(example = "user-42") String userId, @Schema(example = "EARNED") String type,
		@Schema(example = "120") long amount, @Schema(example = "870") long balance,
		@Schema(example = "7") long sequence, @Schema(nullable = true) String reversesTransactionId,
		@Schema(example = "2026-11-23T12:00:00Z") Instant occurredAt) {

	static TransactionView of(LedgerEvent event) {
		return new TransactionView(event.transactionId().toString(), event.userId(), event.type().name(),
				event.amount(), event.balanceAfter(), event.sequence(),
				(event.reversesTransactionId() != null) ? event.reversesTransactionId().toString() : null,
				event.occurredAt());
	}

}
