package io.pulsehub.profile.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pulsehub.profile.core.ProfileFields;

/**
 * L1: recently read profiles of this instance, as fields (the view is fused per read so
 * windowed tags stay true), for at most the configured TTL.
 */
public class ProfileCache {

	private final Cache<String, ProfileFields> cache;

	ProfileCache(CacheProperties properties) {
		this.cache = Caffeine.newBuilder().expireAfterWrite(properties.ttl()).maximumSize(properties.maxSize()).build();
	}

	/**
	 * A cached profile.
	 * @param userId the user
	 * @return the fields, or null when not cached
	 */
	public ProfileFields get(String userId) {
		return this.cache.getIfPresent(userId);
	}

	/**
	 * Caches a profile.
	 * @param userId the user
	 * @param fields the fields
	 */
	public void put(String userId, ProfileFields fields) {
		this.cache.put(userId, fields);
	}

	/**
	 * Forgets a user.
	 * @param userId the user
	 */
	public void evict(String userId) {
		this.cache.invalidate(userId);
	}

	/**
	 * How many profiles are cached (approximately).
	 * @return the count
	 */
	public long size() {
		return this.cache.estimatedSize();
	}

}
