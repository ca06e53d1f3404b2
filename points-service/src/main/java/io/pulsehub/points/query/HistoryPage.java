package io.pulsehub.points.query;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a user's ledger, newest first.
 *
 * @param userId the user
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param items the events
 * @param hasMore whether an older page exists
 */
@Schema(description = "A page of ledger history, newest first")
record HistoryPage(@Schema(example = "user-42") String userId, @Schema(example = "0") int page,
		@Schema(example = "20") int size, List<HistoryEntry> items, @Schema(example = "false") boolean hasMore) {

}
