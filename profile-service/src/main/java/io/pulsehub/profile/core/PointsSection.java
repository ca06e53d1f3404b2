package io.pulsehub.profile.core;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The loyalty points section, as the points projector last wrote it.
 *
 * @param balance current balance
 * @param lifetimeEarned points earned over the user's lifetime
 * @param lifetimeSpent points spent over the user's lifetime
 */
@Schema(description = "Loyalty points")
public record PointsSection(@Schema(example = "1200") Long balance, @Schema(example = "1500") Long lifetimeEarned,
		@Schema(example = "300") Long lifetimeSpent) {

}
