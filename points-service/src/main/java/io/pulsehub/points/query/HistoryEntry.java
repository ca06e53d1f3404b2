package io.pulsehub.points.query;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One ledger event in a user's history.
 *
 * @param sequence the user's ledger sequence
 * @param transactionId the transaction
 * @param type EARNED, SPENT or REVERSED
 * @param amount points moved; for REVERSED the signed change to the balance
 * @param balanceAfter the balance after it
 * @param reason the caller's reason
 * @param reversesTransactionId for REVERSED the compensated transaction
 * @param occurredAt when it was committed
 */
@Schema(description = "A ledger event")
record HistoryEntry(@Schema(example = "7") long sequence,
		@Schema(example = "0b6f3c1e-6a51-4f0e-9d3c-3f6a2b7c9e10") String transactionId,
		@Schema(example = "EARNED") String type, @Schema(example = "120") long amount,
		@Schema(example = "870") long balanceAfter, @Schema(example = "order 981") String reason,
		@Schema(nullable = true) String reversesTransactionId,
		@Schema(example = "2026-11-23T12:00:00Z") Instant occurredAt) {

}
