package io.pulsehub.contracts.profile;

/**
 * Redis keys shared by the services that write and read profiles and trending items.
 */
public final class RedisLayout {

	/** Sorted set of item id by engagement over the last hour, the top items only. */
	public static final String TRENDING_ITEMS_1H = "trending:items:1h";

	/** When {@link #TRENDING_ITEMS_1H} was last refreshed (ISO-8601 instant). */
	public static final String TRENDING_ITEMS_1H_AS_OF = "trending:items:1h:as-of";

	private static final String PROFILE_PREFIX = "profile:";

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

}
