package io.pulsehub.profile.erasure;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import io.pulsehub.profile.core.InputError;
import io.pulsehub.profile.core.ProfileProblem;
import io.pulsehub.profile.core.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/v1/profiles/{userId}} (erasure) and {@code GET
 * /api/v1/erasures/{id}} (its status per store).
 */
@RestController
@Tag(name = "Erasure", description = "Erasing a user from every store")
class ErasureController {

	private static final Pattern ERASURE_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final String EXAMPLE = """
			{"erasureId":"3f0c2a52-7d6e-4c44-9a51-0d7c8f1e2b3a","userId":"u-42","status":"PENDING",
			 "requestedAt":"2026-01-15T10:42:07Z","completedAt":null,
			 "stores":{"redis":"PENDING","mongo":"PENDING","events":"PENDING"}}""";

	private final ProfileEraser eraser;

	ErasureController(ProfileEraser eraser) {
		this.eraser = eraser;
	}

	@Operation(summary = "Erase a user",
			description = "Removes every Redis key and the MongoDB document of the user, then publishes "
					+ "ProfileChanged DELETED; a tombstone keeps late or replayed changes from recreating the "
					+ "profile. Follow the erasure at the Location.")
	@ApiResponse(responseCode = "202", description = "Accepted; the stores are erased in the background",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErasureView.class),
					examples = @ExampleObject(name = "accepted", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Bad user id",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "MongoDB could not record the erasure; nothing was erased",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@DeleteMapping(path = "/api/v1/profiles/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ErasureView> erase(@Parameter(example = "u-42") @PathVariable String userId) {
		ErasureView erasure = this.eraser.request(UserId.require("userId", userId));
		return ResponseEntity.accepted().location(URI.create("/api/v1/erasures/" + erasure.erasureId())).body(erasure);
	}

	@Operation(summary = "The status of an erasure, per store")
	@ApiResponse(responseCode = "200", description = "The erasure",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErasureView.class)))
	@ApiResponse(responseCode = "400", description = "Not an erasure id (a UUID)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "404", description = "No such erasure",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@GetMapping(path = "/api/v1/erasures/{erasureId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ErasureView status(@PathVariable String erasureId) {
		if (!ERASURE_ID.matcher(erasureId).matches()) {
			throw ProfileProblem.invalid(List.of(new InputError("erasureId", "invalid", "must be a lowercase UUID")));
		}
		ErasureView erasure = this.eraser.find(erasureId);
		if (erasure == null) {
			throw ProfileProblem.erasureNotFound(erasureId);
		}
		return erasure;
	}

}
