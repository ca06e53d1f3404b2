package io.pulsehub.points.query;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A user's points account.
 *
 * @param userId the user
 * @param balance points available
 * @param lifetimeEarned points ever earned
 * @param lifetimeSpent points ever spent
 * @param version the sequence of the user's last ledger event
 * @param updatedAt when the account last changed
 */
@Schema(description = "A points account, read from the replica")
record BalanceView(@Schema(example = "user-42") String userId, @Schema(example = "870") long balance,
		@Schema(example = "1200") long lifetimeEarned, @Schema(example = "330") long lifetimeSpent,
		@Schema(example = "7") long version, @Schema(example = "2026-11-23T12:00:00Z") Instant updatedAt) {

}
