package io.pulsehub.points.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/points/projections/rebuild}.
 */
@RestController
@Tag(name = "Points admin", description = "Operate the points ledger (admin only)")
class RebuildController {

	private final ProjectionRebuilder rebuilder;

	RebuildController(ProjectionRebuilder rebuilder) {
		this.rebuilder = rebuilder;
	}

	@Operation(summary = "Rebuild the points projection",
			description = "Recomputes every user's pts.* profile fields from the ledger events and announces each "
					+ "rewritten profile on profile-changes. Synchronous; safe to repeat and to run while events "
					+ "flow (a profile already past the ledger's version is left alone).")
	@ApiResponse(responseCode = "200", description = "Rebuilt",
			content = @Content(schema = @Schema(implementation = RebuildResult.class)))
	@PostMapping(path = "/admin/points/projections/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
	RebuildResult rebuild() {
		return this.rebuilder.rebuild();
	}

}
