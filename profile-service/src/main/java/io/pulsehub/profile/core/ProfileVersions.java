package io.pulsehub.profile.core;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The version of each section of a profile; 0 for a section the user does not have.
 *
 * @param attributes {@code attr.version}
 * @param realtime {@code rt.version}
 * @param offline {@code off.version}
 * @param points {@code pts.version}
 */
@Schema(description = "Per-section versions; each grows with every write of its section")
public record ProfileVersions(@Schema(example = "3") long attributes, @Schema(example = "57") long realtime,
		@Schema(example = "2") long offline, @Schema(example = "9") long points) {

}
