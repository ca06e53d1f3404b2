package io.pulsehub.contracts.profile;

/**
 * Field names of the MongoDB {@code user_profiles} documents (schema version 2) and of
 * the erasure tombstones, shared by the profile-service (reads, erasure) and the
 * sync-service (writes). Plain names only: the contracts carry no driver.
 * <p>
 * A version 2 document: {@code _id} and {@code userId} = the user id,
 * {@code schemaVersion} = 2, {@code attributes} (attribute key to its JSON value),
 * {@code realtime} ({@code asOf}, {@code firstSeen}, {@code lastSeen}, {@code device}
 * {class, os, browser}, {@code counts}, {@code purchaseAmounts}, {@code windowed} (the
 * encoded {@link WindowedCount}s, so they stay true at read time), {@code extra}),
 * {@code offline} (the {@code off.*} fields without prefix), {@code points}
 * ({@code balance}, {@code lifetimeEarned}, {@code lifetimeSpent}), {@code sources} (per
 * section: {@code version}, {@code updatedAt}) and {@code updatedAt}. A write of a
 * section is guarded by {@code sources.<section>.version}.
 */
public final class UserProfileDocument {

	/** The profiles collection. */
	public static final String COLLECTION = "user_profiles";

	/**
	 * The erasure tombstones: {@code _id} = user id, {@code erasureId}, {@code erasedAt}.
	 * A writer must not create or update a profile whose user has one.
	 */
	public static final String ERASURES_COLLECTION = "user_erasures";

	/** The schema version this class describes. */
	public static final int SCHEMA_VERSION = 2;

	/** Document id: the user id (documents upgraded from version 1 may keep theirs). */
	public static final String ID = "_id";

	/** The user id, on every document. */
	public static final String USER_ID = "userId";

	/** 2 for this shape; 1 or missing for the old flat shape. */
	public static final String SCHEMA = "schemaVersion";

	/** Attribute key to its value. */
	public static final String ATTRIBUTES = "attributes";

	/** The realtime tags. */
	public static final String REALTIME = "realtime";

	/** The offline tags. */
	public static final String OFFLINE = "offline";

	/** The points. */
	public static final String POINTS = "points";

	/** Per section: {@code version} and {@code updatedAt}. */
	public static final String SOURCES = "sources";

	/** A section's version inside {@link #SOURCES}. */
	public static final String VERSION = "version";

	/** Last write of the document (top level) or of a section (in {@link #SOURCES}). */
	public static final String UPDATED_AT = "updatedAt";

	/** The segment queried by {@code GET /api/v1/profiles?segment=}. */
	public static final String SEGMENT_PATH = OFFLINE + ".segment_id";

	/** Tombstone: the erasure that wrote it. */
	public static final String ERASURE_ID = "erasureId";

	/** Tombstone: when the user was erased. */
	public static final String ERASED_AT = "erasedAt";

	private UserProfileDocument() {
	}

	/**
	 * The version field of one section, for guarded writes.
	 * @param section e.g. {@link #REALTIME}
	 * @return e.g. {@code sources.realtime.version}
	 */
	public static String versionPath(String section) {
		return SOURCES + "." + section + "." + VERSION;
	}

}
