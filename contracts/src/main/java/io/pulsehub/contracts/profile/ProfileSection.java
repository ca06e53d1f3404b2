package io.pulsehub.contracts.profile;

import io.pulsehub.contracts.events.ChangeKind;

/**
 * The four sections of a profile: each is one writer's Redis namespace and one
 * sub-document of {@code user_profiles}, with its own version and update time.
 */
public enum ProfileSection {

	/** {@code attr.*}, written by the profile-service. */
	ATTRIBUTES(UserProfileDocument.ATTRIBUTES, AttributeFields.PREFIX, AttributeFields.VERSION,
			AttributeFields.UPDATED_AT, ChangeKind.ATTRIBUTES),

	/** {@code rt.*}, written by the stream-processor. */
	REALTIME(UserProfileDocument.REALTIME, RealtimeFields.PREFIX, RealtimeFields.VERSION, RealtimeFields.UPDATED_AT,
			ChangeKind.REALTIME),

	/** {@code off.*}, written by the offline job. */
	OFFLINE(UserProfileDocument.OFFLINE, OfflineFields.PREFIX, OfflineFields.VERSION, OfflineFields.UPDATED_AT,
			ChangeKind.OFFLINE),

	/** {@code pts.*}, written by the points projector. */
	POINTS(UserProfileDocument.POINTS, PointsFields.PREFIX, PointsFields.VERSION, PointsFields.UPDATED_AT,
			ChangeKind.POINTS);

	private final String documentName;

	private final String prefix;

	private final String versionField;

	private final String updatedAtField;

	private final ChangeKind kind;

	ProfileSection(String documentName, String prefix, String versionField, String updatedAtField, ChangeKind kind) {
		this.documentName = documentName;
		this.prefix = prefix;
		this.versionField = versionField;
		this.updatedAtField = updatedAtField;
		this.kind = kind;
	}

	/**
	 * The sub-document's name in {@code user_profiles}.
	 * @return e.g. {@code realtime}
	 */
	public String documentName() {
		return this.documentName;
	}

	/**
	 * The Redis field prefix of the namespace.
	 * @return e.g. {@code rt.}
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * The namespace's version field in Redis.
	 * @return e.g. {@code rt.version}
	 */
	public String versionField() {
		return this.versionField;
	}

	/**
	 * The namespace's update-time field in Redis.
	 * @return e.g. {@code rt.updated_at}
	 */
	public String updatedAtField() {
		return this.updatedAtField;
	}

	/**
	 * The document path of the section's version, for guarded writes.
	 * @return e.g. {@code sources.realtime.version}
	 */
	public String versionPath() {
		return UserProfileDocument.versionPath(this.documentName);
	}

	/**
	 * Whether a Redis field belongs to the section's data (not its version or time).
	 * @param field a profile hash field
	 * @return true for a data field of this namespace
	 */
	public boolean holdsData(String field) {
		return field.startsWith(this.prefix) && !field.equals(this.versionField) && !field.equals(this.updatedAtField);
	}

	/**
	 * The section a change kind writes.
	 * @param kind the change kind
	 * @return the section, null for {@code DELETED} and unknown kinds
	 */
	public static ProfileSection of(ChangeKind kind) {
		for (ProfileSection section : values()) {
			if (section.kind == kind) {
				return section;
			}
		}
		return null;
	}

}
