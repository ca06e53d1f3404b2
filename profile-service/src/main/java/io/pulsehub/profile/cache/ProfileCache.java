package io.pulsehub.profile.cache;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pulsehub.profile.core.ProfileFields;

/**
 * L1: recently read profiles of this instance, as fields (the view is fused per read so
 * windowed tags stay true), and users known to have none, for at most the configured TTL.
 */
public class ProfileCache {

	// One instance, compared by identity: "no such profile", cached like a profile so
	// that repeated reads of an unknown id do not each cost a Redis and a MongoDB lookup.
	private static final ProfileFields ABSENT = new ProfileFields(Map.of());

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
	 * Remembers that a user has no profile (unknown or erased) until the TTL ends or a
	 * change of theirs evicts it, like a cached profile.
	 * @param userId the user
	 */
	public void putAbsent(String userId) {
		this.cache.put(userId, ABSENT);
	}

	/**
	 * Whether a cached value says the user has no profile.
	 * @param cached what {@link #get} returned
	 * @return true for the {@link #putAbsent} marker
	 */
	public static boolean isAbsent(ProfileFields cached) {
		return cached == ABSENT;
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
