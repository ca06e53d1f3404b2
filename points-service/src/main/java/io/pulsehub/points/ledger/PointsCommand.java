package io.pulsehub.points.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A validated earn or spend command.
 *
 * @param userId the user
 * @param type {@link EntryType#EARNED} or {@link EntryType#SPENT}
 * @param amount points, positive
 * @param reason the caller's reason
 * @param idempotencyKey the caller's Idempotency-Key
 */
record PointsCommand(String userId, EntryType type, long amount, String reason, String idempotencyKey) {

	/**
	 * What makes two uses of one Idempotency-Key "the same request".
	 * @return a SHA-256 over operation, user, amount and reason
	 */
	String fingerprint() {
		String canonical = String.join("\n", this.type.name(), this.userId, Long.toString(this.amount), this.reason);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
