package io.pulsehub.profile.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pulsehub.contracts.profile.RealtimeTagsView;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The fused profile as the API answers it.
 *
 * @param userId the user
 * @param attributes attribute key to value; empty when none were set
 * @param realtime tags from the activity stream, windowed ones true at read time; null
 * when none
 * @param offline tags from the offline job (e.g. {@code ltv_total}, {@code segment_id});
 * null when none
 * @param points loyalty points; null when none
 * @param updatedAt the latest write of any section
 * @param versions per-section versions
 */
@Schema(description = "The unified profile of one user")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProfileView(@Schema(example = "u-42") String userId,
		@Schema(description = "Attribute key to JSON value") Map<String, JsonNode> attributes,
		@Schema(description = "Real-time tags; windowed values are true at read time",
				nullable = true) RealtimeTagsView realtime,
		@Schema(description = "Offline tags", nullable = true) Map<String, Object> offline,
		@Schema(nullable = true) PointsSection points,
		@Schema(nullable = true, example = "2026-01-15T10:42:07Z") Instant updatedAt, ProfileVersions versions) {

	/**
	 * Fuses a user's fields as of {@code now}.
	 * @param userId the user
	 * @param fields the fields
	 * @param now the read instant
	 * @return the view
	 */
	public static ProfileView of(String userId, ProfileFields fields, Instant now) {
		return new ProfileView(userId, fields.attributes(), fields.realtime(now), fields.offline(), fields.points(),
				fields.updatedAt(), fields.versions());
	}

	/**
	 * The entity tag: the section versions plus the windowed tags as read now, since
	 * those change with time alone and a 304 must not hide a decayed count.
	 * @return a strong entity tag, quoted
	 */
	public String etag() {
		int windowed = (this.realtime != null) ? Objects.hashCode(this.realtime.windowed()) : 0;
		return "\"a" + this.versions.attributes() + ".r" + this.versions.realtime() + ".o" + this.versions.offline()
				+ ".p" + this.versions.points() + ".w" + Integer.toHexString(windowed) + "\"";
	}

}
