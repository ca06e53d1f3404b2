package io.pulsehub.profile.segment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.ProfileEntry;
import io.pulsehub.profile.core.ProfileProblem;
import io.pulsehub.profile.core.ProfileView;
import io.pulsehub.profile.core.StoreUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/profiles?segment=}: a segment's profiles from MongoDB, paged. What
 * Redis holds but the sync has not yet copied is not listed.
 */
@RestController
@Tag(name = "Profiles", description = "The unified profile of a user")
class SegmentController {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final ProfileDocumentStore documents;

	private final Clock clock;

	SegmentController(ProfileDocumentStore documents, Clock clock) {
		this.documents = documents;
		this.clock = clock;
	}

	@Operation(summary = "Profiles of a segment",
			description = "From MongoDB (the durable copy), most recently updated first; at most 100 per page.")
	@ApiResponse(responseCode = "200", description = "One page",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = SegmentPage.class)))
	@ApiResponse(responseCode = "400", description = "Bad segment, page (0-1000) or size (1-100); see 'errors'",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "MongoDB unavailable; retry after Retry-After",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@GetMapping(path = "/api/v1/profiles", produces = MediaType.APPLICATION_JSON_VALUE)
	SegmentPage segment(@Parameter(example = "vip", required = true) @RequestParam(required = false) String segment,
			@Parameter(schema = @Schema(type = "integer", minimum = "0", maximum = "1000")) @RequestParam(
					defaultValue = SegmentQuery.DEFAULT_PAGE) String page,
			@Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100")) @RequestParam(
					defaultValue = SegmentQuery.DEFAULT_SIZE) String size) {
		SegmentQuery query = SegmentQuery.parse(segment, page, size);
		List<ProfileEntry> entries;
		try {
			entries = this.documents.bySegment(query.segment(), query.page(), query.size());
		}
		catch (StoreUnavailableException ex) {
			throw ProfileProblem.unavailable("MongoDB did not answer in time.", RETRY_AFTER);
		}
		Instant now = this.clock.instant();
		List<ProfileView> profiles = entries.stream()
			.limit(query.size())
			.map((entry) -> ProfileView.of(entry.userId(), entry.fields(), now))
			.toList();
		return new SegmentPage(query.segment(), query.page(), query.size(), entries.size() > query.size(), profiles);
	}

}
