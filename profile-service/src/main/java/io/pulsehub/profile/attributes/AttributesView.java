package io.pulsehub.profile.attributes;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * A user's attributes right after a patch.
 *
 * @param userId the user
 * @param attributes every attribute after the patch
 * @param version the attributes' version after the patch
 * @param updatedAt when the patch was written
 */
@Schema(description = "The attributes after the patch")
record AttributesView(@Schema(example = "u-42") String userId, Map<String, JsonNode> attributes,
		@Schema(example = "4") long version, @Schema(example = "2026-01-15T10:42:07Z") Instant updatedAt) {

}
