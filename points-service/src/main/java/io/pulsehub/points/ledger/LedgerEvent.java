package io.pulsehub.points.ledger;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.events.PointsEvent;

/**
 * One row of the append-only ledger.
 *
 * @param eventId unique id of the event
 * @param userId the user
 * @param sequence the user's ledger sequence, 1, 2, 3, ...
 * @param type what happened
 * @param amount points moved (positive) for EARNED and SPENT; for REVERSED the signed
 * change to the balance (negative when an earn is compensated)
 * @param balanceAfter the balance once this event applied
 * @param reason the caller's reason
 * @param transactionId the transaction the event records
 * @param reversesTransactionId for REVERSED the compensated transaction, else null
 * @param idempotencyKey the command's Idempotency-Key, null for reversals
 * @param occurredAt when it was committed
 */
record LedgerEvent(UUID eventId, String userId, long sequence, EntryType type, long amount, long balanceAfter,
		String reason, UUID transactionId, UUID reversesTransactionId, String idempotencyKey, Instant occurredAt) {

	PointsEvent toMessage() {
		PointsEvent.Builder message = PointsEvent.newBuilder()
			.setEventId(this.eventId.toString())
			.setUserId(this.userId)
			.setSequence(this.sequence)
			.setType(this.type.wire())
			.setAmount(this.amount)
			.setBalanceAfter(this.balanceAfter)
			.setReason(this.reason)
			.setTransactionId(this.transactionId.toString())
			.setOccurredAt(Timestamp.newBuilder()
				.setSeconds(this.occurredAt.getEpochSecond())
				.setNanos(this.occurredAt.getNano()));
		if (this.reversesTransactionId != null) {
			message.setReversesTransactionId(this.reversesTransactionId.toString());
		}
		return message.build();
	}

}
