package io.pulsehub.profile.read;

import java.time.Clock;

import io.pulsehub.profile.core.ProfileProblem;
import io.pulsehub.profile.core.ProfileView;
import io.pulsehub.profile.core.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /api/v1/profiles/{userId}}: the fused profile of one user.
 */
@RestController
@RequestMapping(path = "/api/v1/profiles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Profiles", description = "The unified profile of a user")
class ProfileController {

	/** Which level answered: l1 (this instance's cache), l2 (Redis) or l3 (MongoDB). */
	static final String SOURCE_HEADER = "X-Profile-Source";

	static final String EXAMPLE = """
			{"userId":"u-42","attributes":{"tier":"gold","newsletter":true},
			 "realtime":{"version":57,"updatedAt":"2026-01-15T10:42:07Z","firstSeen":"2025-12-01T08:00:00Z",
			  "lastSeen":"2026-01-15T10:42:05Z","deviceClass":"MOBILE","deviceOs":"Android","deviceBrowser":"Chrome",
			  "counts":{"click":4,"page_view":31},"purchaseAmounts":{"EUR":4999},
			  "windowed":{"clicks_1h":1,"views_5m":3},"ctr24h":0.25},
			 "offline":{"ltv_total":125000,"segment_id":"vip"},
			 "points":{"balance":1200,"lifetimeEarned":1500,"lifetimeSpent":300},
			 "updatedAt":"2026-01-15T10:42:07Z",
			 "versions":{"attributes":3,"realtime":57,"offline":2,"points":9}}""";

	private final ProfileReader reader;

	private final Clock clock;

	ProfileController(ProfileReader reader, Clock clock) {
		this.reader = reader;
		this.clock = clock;
	}

	@Operation(summary = "The fused profile of a user",
			description = "Attributes, real-time tags (windowed values true at read time), offline tags and points, "
					+ "from this instance's cache, Redis, or MongoDB when Redis has nothing or is down. "
					+ "Send the ETag back in If-None-Match to get 304 while nothing changed.")
	@ApiResponse(responseCode = "200", description = "The profile",
			headers = { @Header(name = "ETag", description = "Section versions and windowed tags as read now"),
					@Header(name = SOURCE_HEADER, description = "l1 (cache), l2 (Redis) or l3 (MongoDB)") },
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ProfileView.class),
					examples = @ExampleObject(name = "full profile", value = EXAMPLE)))
	@ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
	@ApiResponse(responseCode = "400", description = "The user id breaks the rule; see 'errors'",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No profile for the user (or the user was erased)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "Neither store that could answer did; retry after Retry-After",
			headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{userId}")
	ResponseEntity<ProfileView> profile(@Parameter(description = "1-128 letters, digits and . _ : @ + -",
			example = "u-42") @PathVariable String userId, WebRequest request) {
		String id = UserId.require("userId", userId);
		ProfileReader.ProfileRead read = this.reader.read(id).orElseThrow(() -> ProfileProblem.notFound(id));
		ProfileView view = ProfileView.of(id, read.fields(), this.clock.instant());
		String etag = view.etag();
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header(SOURCE_HEADER, read.level())
			.body(view);
	}

}
