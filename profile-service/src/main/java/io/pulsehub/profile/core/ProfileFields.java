package io.pulsehub.profile.core;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.pulsehub.contracts.profile.AttributeFields;
import io.pulsehub.contracts.profile.OfflineFields;
import io.pulsehub.contracts.profile.PointsFields;
import io.pulsehub.contracts.profile.ProfileDocumentCodec;
import io.pulsehub.contracts.profile.ProfileSection;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RealtimeTagsView;
import tools.jackson.databind.JsonNode;

/**
 * One user's profile fields in the Redis hash layout ({@code attr.*}, {@code rt.*},
 * {@code off.*}, {@code pts.*}), whichever store they came from: the form the L1 cache
 * keeps, so windowed tags are summed at every read, never frozen.
 *
 * @param fields field to value, unmodifiable
 */
public record ProfileFields(Map<String, String> fields) {

	public ProfileFields {
		fields = Map.copyOf(fields);
	}

	/**
	 * Whether the user has no fields at all.
	 * @return true for an absent profile
	 */
	public boolean isEmpty() {
		return this.fields.isEmpty();
	}

	/**
	 * The per-section versions.
	 * @return 0 for sections the user does not have
	 */
	public ProfileVersions versions() {
		return new ProfileVersions(longOf(AttributeFields.VERSION), longOf(RealtimeFields.VERSION),
				longOf(OfflineFields.VERSION), longOf(PointsFields.VERSION));
	}

	/**
	 * The attributes, by key.
	 * @return key to JSON value, sorted by key
	 */
	public Map<String, JsonNode> attributes() {
		Map<String, JsonNode> attributes = new TreeMap<>();
		this.fields.forEach((field, value) -> {
			if (isAttribute(field)) {
				attributes.put(field.substring(AttributeFields.PREFIX.length()), JsonValues.tree(value));
			}
		});
		return attributes;
	}

	/**
	 * The realtime section read at {@code now}.
	 * @param now the read instant windowed tags are summed for
	 * @return the section, null when the user has no realtime fields
	 */
	public RealtimeTagsView realtime(Instant now) {
		return hasAny(RealtimeFields.PREFIX) ? RealtimeTagsView.of(this.fields, now) : null;
	}

	/**
	 * The offline section: the {@code off.*} fields without prefix, integers as numbers.
	 * @return the section, null when the user has no offline fields
	 */
	public Map<String, Object> offline() {
		if (!hasAny(OfflineFields.PREFIX)) {
			return null;
		}
		Map<String, Object> offline = new TreeMap<>();
		this.fields.forEach((field, value) -> {
			if (ProfileSection.OFFLINE.holdsData(field)) {
				offline.put(field.substring(OfflineFields.PREFIX.length()), numberOrText(value));
			}
		});
		return offline;
	}

	/**
	 * The points section.
	 * @return the section, null when the user has no points fields
	 */
	public PointsSection points() {
		if (!hasAny(PointsFields.PREFIX)) {
			return null;
		}
		return new PointsSection(longOrNull(PointsFields.BALANCE), longOrNull(PointsFields.LIFETIME_EARNED),
				longOrNull(PointsFields.LIFETIME_SPENT));
	}

	/**
	 * The latest write time over the sections.
	 * @return the time, null when no section has one
	 */
	public Instant updatedAt() {
		Instant latest = null;
		for (String field : new String[] { AttributeFields.UPDATED_AT, RealtimeFields.UPDATED_AT,
				OfflineFields.UPDATED_AT, PointsFields.UPDATED_AT }) {
			Instant time = instantOf(this.fields.get(field));
			if (time != null && (latest == null || time.isAfter(latest))) {
				latest = time;
			}
		}
		return latest;
	}

	/**
	 * The user's segment, as the offline job assigned it.
	 * @return the segment or null
	 */
	public String segment() {
		return this.fields.get(OfflineFields.SEGMENT_ID);
	}

	static boolean isAttribute(String field) {
		return ProfileSection.ATTRIBUTES.holdsData(field);
	}

	static Instant instantOf(String value) {
		return ProfileDocumentCodec.instantOf(value);
	}

	private boolean hasAny(String prefix) {
		for (String field : this.fields.keySet()) {
			if (field.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private long longOf(String field) {
		Long value = longOrNull(field);
		return (value != null) ? value : 0;
	}

	private Long longOrNull(String field) {
		String value = this.fields.get(field);
		try {
			return (value != null) ? Long.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Object numberOrText(String value) {
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

}
