package io.pulsehub.profile.trending;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One item of a trending board.
 *
 * @param rank 1 for the highest score; items with equal scores still get distinct ranks
 * @param itemId the item
 * @param score its engagement over the window
 */
@Schema(description = "One item of a trending board")
record TrendingItem(@Schema(description = "1 for the highest score", example = "1") int rank,
		@Schema(example = "sku-1") String itemId,
		@Schema(description = "Engagement over the window", example = "42.0") double score) {

}
