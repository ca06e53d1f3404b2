package io.pulsehub.contracts.profile;

import java.util.List;

/**
 * Redis keys shared by the services that write and read profiles and trending items.
 */
public final class RedisLayout {

	/** Sorted set of item id by engagement over the last hour, the top items only. */
	public static final String TRENDING_ITEMS_1H = "trending:items:1h";

	/** When {@link #TRENDING_ITEMS_1H} was last refreshed (ISO-8601 instant). */
	public static final String TRENDING_ITEMS_1H_AS_OF = "trending:items:1h:as-of";

	private static final String PROFILE_PREFIX = "profile:";

	private static final String ERASED_PREFIX = "erased:";

	private RedisLayout() {
	}

	/**
	 * The hash holding one user's profile; each writer owns a field namespace in it.
	 * @param userId the user
	 * @return the key, {@code profile:{userId}}
	 */
	public static String profileKey(String userId) {
		return PROFILE_PREFIX + userId;
	}

	/**
	 * The erasure tombstone of one user: present (value: the erasure time, ISO-8601) once
	 * the user was erased. Readers treat an erased user as absent and writers must not
	 * recreate the profile; the durable copy is the MongoDB tombstone
	 * ({@link UserProfileDocument#ERASURES_COLLECTION}).
	 * @param userId the user
	 * @return the key, {@code erased:{userId}}
	 */
	public static String erasedKey(String userId) {
		return ERASED_PREFIX + userId;
	}

	/**
	 * Every Redis key that holds data of one user; an erasure deletes them all. A writer
	 * that keeps a new per-user key adds it here.
	 * @param userId the user
	 * @return the keys
	 */
	public static List<String> userKeys(String userId) {
		return List.of(profileKey(userId));
	}

}
