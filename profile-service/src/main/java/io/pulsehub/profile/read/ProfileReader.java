package io.pulsehub.profile.read;

import java.time.Duration;
import java.util.Optional;

import io.pulsehub.profile.cache.ProfileCache;
import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.ProfileFields;
import io.pulsehub.profile.core.ProfileHashStore;
import io.pulsehub.profile.core.ProfileProblem;
import io.pulsehub.profile.core.StoreUnavailableException;
import io.pulsehub.profile.core.StoredProfile;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Reads a profile through the levels: L1 (this instance's cache), L2 (Redis), L3
 * (MongoDB, when Redis has nothing or is unavailable; what it finds is copied back into
 * Redis when Redis merely had nothing). MongoDB being unavailable only matters when Redis
 * has nothing; both unavailable is a quick 503.
 */
class ProfileReader {

	private static final Log logger = LogFactory.getLog(ProfileReader.class);

	private final ProfileCache cache;

	private final ProfileHashStore hashes;

	private final ProfileDocumentStore documents;

	private final ReadMetrics metrics;

	private final Duration retryAfter;

	ProfileReader(ProfileCache cache, ProfileHashStore hashes, ProfileDocumentStore documents, ReadMetrics metrics,
			Duration retryAfter) {
		this.cache = cache;
		this.hashes = hashes;
		this.documents = documents;
		this.metrics = metrics;
		this.retryAfter = retryAfter;
	}

	/**
	 * A user's profile.
	 * @param userId a valid user id
	 * @return the fields and the level that answered; empty for an unknown or erased user
	 * @throws ProfileProblem (503) when the stores that could answer are unavailable
	 */
	Optional<ProfileRead> read(String userId) {
		long start = System.nanoTime();
		ProfileFields cached = this.cache.get(userId);
		if (cached != null && ProfileCache.isAbsent(cached)) {
			this.metrics.lookup(ReadMetrics.L1, "absent", since(start));
			return Optional.empty();
		}
		this.metrics.lookup(ReadMetrics.L1, (cached != null) ? "hit" : "miss", since(start));
		if (cached != null) {
			return Optional.of(new ProfileRead(cached, ReadMetrics.L1));
		}
		return load(userId);
	}

	/**
	 * A user's profile from Redis, else MongoDB, cached in L1.
	 * @param userId a valid user id
	 * @return the fields and the level that answered; empty for an unknown or erased user
	 * @throws ProfileProblem (503) when the stores that could answer are unavailable
	 */
	Optional<ProfileRead> load(String userId) {
		long start = System.nanoTime();
		StoredProfile inRedis = null;
		try {
			inRedis = this.hashes.read(userId);
			this.metrics.lookup(ReadMetrics.L2, inRedis.found() ? "hit" : "miss", since(start));
		}
		catch (StoreUnavailableException ex) {
			this.metrics.lookup(ReadMetrics.L2, "error", since(start));
			logger.debug("Redis unavailable, reading MongoDB: " + ex.getMessage());
		}
		if (inRedis != null && inRedis.found()) {
			this.cache.put(userId, inRedis.fields());
			return Optional.of(new ProfileRead(inRedis.fields(), ReadMetrics.L2));
		}
		if (inRedis != null && inRedis.erased()) {
			this.cache.putAbsent(userId);
			return Optional.empty();
		}
		this.metrics.fallback((inRedis != null) ? "redis-miss" : "redis-unavailable");
		StoredProfile inMongo = fromMongo(userId, inRedis == null);
		if (!inMongo.found() && inRedis == null && !inMongo.erased()) {
			// Redis may hold a profile the sync has not copied yet: not a 404
			throw ProfileProblem.unavailable("Redis did not answer in time and MongoDB has no profile of the user.",
					this.retryAfter);
		}
		if (!inMongo.found()) {
			this.cache.putAbsent(userId);
			return Optional.empty();
		}
		if (inRedis != null) {
			rewarm(userId, inMongo.fields());
		}
		this.cache.put(userId, inMongo.fields());
		return Optional.of(new ProfileRead(inMongo.fields(), ReadMetrics.L3));
	}

	private StoredProfile fromMongo(String userId, boolean redisDown) {
		long start = System.nanoTime();
		try {
			StoredProfile stored = this.documents.find(userId);
			this.metrics.lookup(ReadMetrics.L3, stored.found() ? "hit" : "miss", since(start));
			return stored;
		}
		catch (StoreUnavailableException ex) {
			this.metrics.lookup(ReadMetrics.L3, "error", since(start));
			logger.warn("Profile of " + userId + " unreadable: " + (redisDown ? "Redis and " : "not in Redis, ")
					+ ex.getMessage());
			throw ProfileProblem.unavailable(redisDown ? "Neither Redis nor MongoDB answered in time."
					: "The profile is not in Redis and MongoDB did not answer in time.", this.retryAfter);
		}
	}

	private void rewarm(String userId, ProfileFields fields) {
		try {
			this.hashes.rewarm(userId, fields);
			this.metrics.rewarm("ok");
		}
		catch (StoreUnavailableException ex) {
			this.metrics.rewarm("failed");
		}
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * A profile and where it came from.
	 *
	 * @param fields the fields
	 * @param level {@code l1}, {@code l2} or {@code l3}
	 */
	record ProfileRead(ProfileFields fields, String level) {

	}

}
