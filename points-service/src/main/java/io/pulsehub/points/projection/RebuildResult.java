package io.pulsehub.points.projection;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a projection rebuild did.
 *
 * @param users users found in the ledger
 * @param written users whose {@code pts.*} fields were rewritten (the others were already
 * past the ledger's version)
 * @param startedAt when it started
 * @param finishedAt when it finished
 */
@Schema(description = "A finished projection rebuild")
record RebuildResult(@Schema(example = "1520") long users, @Schema(example = "1520") long written,
		@Schema(example = "2026-11-23T12:00:00Z") Instant startedAt,
		@Schema(example = "2026-11-23T12:00:02Z") Instant finishedAt) {

}
