package io.pulsehub.points.risk;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One risk alert as the admin API lists it.
 *
 * @param alertId the alert
 * @param userId the user
 * @param ruleId the rule that fired
 * @param outcome REJECTED or FLAGGED
 * @param detail why
 * @param occurredAt when
 */
@Schema(description = "A risk alert")
record AlertView(@Schema(example = "5f0c2d8e-1b7a-4c33-9a51-0e2f3b4c5d6e") String alertId,
		@Schema(example = "user-42") String userId, @Schema(example = "velocity") String ruleId,
		@Schema(example = "REJECTED") String outcome,
		@Schema(example = "More than 20 earns in one minute") String detail,
		@Schema(example = "2026-11-23T12:00:00Z") Instant occurredAt) {

}
