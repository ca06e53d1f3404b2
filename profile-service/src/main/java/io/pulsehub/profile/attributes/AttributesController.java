package io.pulsehub.profile.attributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.pulsehub.profile.core.InputError;
import io.pulsehub.profile.core.ProfileProblem;
import io.pulsehub.profile.core.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PATCH /api/v1/profiles/{userId}/attributes}: a JSON merge patch of a user's
 * attributes; creates the profile if absent.
 */
@RestController
@Tag(name = "Profiles", description = "The unified profile of a user")
class AttributesController {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private static final String PATCH_EXAMPLE = """
			{"tier":"gold","newsletter":true,"address":{"city":"Lyon"},"nickname":null}""";

	private static final String RESULT_EXAMPLE = """
			{"userId":"u-42","attributes":{"address":{"city":"Lyon","zip":"69001"},"newsletter":true,"tier":"gold"},
			 "version":4,"updatedAt":"2026-01-15T10:42:07Z"}""";

	private static final String INVALID_EXAMPLE = """
			{"type":"urn:pulsehub:problem:invalid-request","title":"Invalid request","status":400,
			 "detail":"The request was not answered: attributes.version key is reserved: version, updated_at.",
			 "errors":[{"field":"attributes.version","code":"reserved","message":"key is reserved: version, updated_at"}]}""";

	private final AttributeWriter writer;

	private final AttributeProperties properties;

	AttributesController(AttributeWriter writer, AttributeProperties properties) {
		this.writer = writer;
		this.properties = properties;

	}

	@Operation(summary = "Merge-patch a user's attributes",
			description = "RFC 7396: null removes an attribute, an object merges into an object value, anything "
					+ "else replaces it. Keys: 1-64 letters, digits, _ and -, starting with a letter; 'version' and "
					+ "'updated_at' are reserved. At most 50 members per patch, 4 KB per value, 100 attributes per "
					+ "user. Announced on profile-changes as ATTRIBUTES.",
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = MERGE_PATCH,
							examples = @ExampleObject(name = "set, merge and remove", value = PATCH_EXAMPLE))))
	@ApiResponse(responseCode = "200", description = "Every attribute after the patch, and the new version",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AttributesView.class),
					examples = @ExampleObject(name = "after the patch", value = RESULT_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Bad user id or patch; every bad member is listed in 'errors'",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "reserved key", value = INVALID_EXAMPLE)))
	@ApiResponse(responseCode = "409", description = "Lost against concurrent patches; retry",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "410", description = "The user was erased",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "413", description = "Body over 64 KB",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "415", description = "Not application/merge-patch+json",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "503",
			description = "Redis unavailable (nothing stored) or Kafka not acknowledging (stored, announced "
					+ "later by the outbox); retry after Retry-After",
			headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PatchMapping(path = "/api/v1/profiles/{userId}/attributes", consumes = MERGE_PATCH,
			produces = MediaType.APPLICATION_JSON_VALUE)
	AttributesView patch(@Parameter(example = "u-42") @PathVariable String userId, InputStream body)
			throws IOException {
		String id = UserId.require("userId", userId);
		long max = this.properties.maxBody().toBytes();
		byte[] bytes = body.readNBytes((int) max + 1);
		if (bytes.length > max) {
			throw ProfileProblem.tooLarge(max);
		}
		if (bytes.length == 0) {
			throw ProfileProblem.invalid(List.of(new InputError("body", "invalid", "must not be empty")));
		}
		return this.writer.apply(id, AttributePatch.parse(bytes, this.properties));
	}

}
