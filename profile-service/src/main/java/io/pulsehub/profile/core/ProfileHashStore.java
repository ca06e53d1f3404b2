package io.pulsehub.profile.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pulsehub.contracts.profile.AttributeFields;
import io.pulsehub.contracts.profile.OfflineFields;
import io.pulsehub.contracts.profile.PointsFields;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RedisLayout;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The profile hashes in Redis (L2). Every operation is one script, so it sees the erasure
 * tombstone and the hash in one atomic step, and runs through the Redis circuit breaker.
 */
public class ProfileHashStore {

	/**
	 * {@link #writeAttributes} result: the stored attribute version was not the expected
	 * one.
	 */
	public static final long VERSION_MISMATCH = -1;

	/** {@link #writeAttributes} result: the user was erased; nothing written. */
	public static final long ERASED = -2;

	/** {@link #writeAttributes} result: the user would have too many attributes. */
	public static final long TOO_MANY = -3;

	/**
	 * The sorted set of users whose attribute change may not have been announced yet
	 * (score: the write's epoch milliseconds).
	 */
	public static final String ATTRIBUTE_OUTBOX = "outbox:profile-attributes";

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> READ = RedisScript.of("""
			if redis.call('EXISTS', KEYS[2]) == 1 then return {'erased'} end
			local hash = redis.call('HGETALL', KEYS[1])
			table.insert(hash, 1, 'ok')
			return hash
			""", List.class);

	// ARGV: per namespace its version field, its field count n, then n field/value pairs.
	// A namespace is written only where Redis has none of it, so a newer copy is kept.
	private static final RedisScript<Long> REWARM = RedisScript.of("""
			if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
			local i, written = 1, 0
			while i <= #ARGV do
			  local n = tonumber(ARGV[i + 1])
			  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 0 then
			    for j = 0, n - 1 do redis.call('HSET', KEYS[1], ARGV[i + 2 + 2 * j], ARGV[i + 3 + 2 * j]) end
			    written = written + n
			  end
			  i = i + 2 + 2 * n
			end
			return written
			""", Long.class);

	// KEYS: profile, tombstone, outbox. ARGV: expected attr.version, now, max attributes,
	// n sets, outbox score, user id, n field/value pairs, fields to delete. The user
	// joins the outbox in the same step, so a change is announced even if this process
	// dies before it publishes (AttributeOutboxRelay).
	private static final RedisScript<Long> WRITE_ATTRIBUTES = RedisScript.of("""
			if redis.call('EXISTS', KEYS[2]) == 1 then return -2 end
			local version = tonumber(redis.call('HGET', KEYS[1], 'attr.version') or '0')
			if version ~= tonumber(ARGV[1]) then return -1 end
			local sets = tonumber(ARGV[4])
			local count = 0
			for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
			  if string.sub(field, 1, 5) == 'attr.' and field ~= 'attr.version' and field ~= 'attr.updated_at' then
			    count = count + 1
			  end
			end
			for j = 0, sets - 1 do count = count + 1 - redis.call('HEXISTS', KEYS[1], ARGV[7 + 2 * j]) end
			for k = 7 + 2 * sets, #ARGV do count = count - redis.call('HEXISTS', KEYS[1], ARGV[k]) end
			if count > tonumber(ARGV[3]) then return -3 end
			for j = 0, sets - 1 do redis.call('HSET', KEYS[1], ARGV[7 + 2 * j], ARGV[8 + 2 * j]) end
			for k = 7 + 2 * sets, #ARGV do redis.call('HDEL', KEYS[1], ARGV[k]) end
			redis.call('HSET', KEYS[1], 'attr.version', version + 1, 'attr.updated_at', ARGV[2])
			redis.call('ZADD', KEYS[3], ARGV[5], ARGV[6])
			return version + 1
			""", Long.class);

	// KEYS[1]: the outbox. ARGV: user id, the score it was seen with. A newer write of
	// the user (another score) stays.
	private static final RedisScript<Long> OUTBOX_DONE = RedisScript.of("""
			if redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('ZREM', KEYS[1], ARGV[1]) end
			return 0
			""", Long.class);

	// KEYS: the user's keys, the outbox, then the tombstone. ARGV: the erasure time, the
	// user id.
	private static final RedisScript<Long> ERASE = RedisScript.of("""
			redis.call('SET', KEYS[#KEYS], ARGV[1])
			redis.call('ZREM', KEYS[#KEYS - 1], ARGV[2])
			for i = 1, #KEYS - 2 do redis.call('DEL', KEYS[i]) end
			return #KEYS - 2
			""", Long.class);

	private static final String[][] NAMESPACES = { { RealtimeFields.PREFIX, RealtimeFields.VERSION },
			{ AttributeFields.PREFIX, AttributeFields.VERSION }, { OfflineFields.PREFIX, OfflineFields.VERSION },
			{ PointsFields.PREFIX, PointsFields.VERSION } };

	private final StringRedisTemplate redis;

	private final StoreGuard guard;

	ProfileHashStore(StringRedisTemplate redis, StoreGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	/**
	 * A user's hash, unless they were erased.
	 * @param userId the user
	 * @return the stored profile
	 * @throws StoreUnavailableException when Redis failed
	 */
	public StoredProfile read(String userId) {
		List<?> reply = this.guard.call(() -> this.redis.execute(READ, keys(userId)));
		if (reply == null || reply.isEmpty() || !"ok".equals(reply.get(0))) {
			return StoredProfile.ERASED;
		}
		Map<String, String> fields = new HashMap<>();
		for (int i = 1; i + 1 < reply.size(); i += 2) {
			fields.put((String) reply.get(i), (String) reply.get(i + 1));
		}
		return fields.isEmpty() ? StoredProfile.ABSENT : new StoredProfile(false, new ProfileFields(fields));
	}

	/**
	 * Copies a profile read from MongoDB back into Redis, namespace by namespace, only
	 * where Redis has none of that namespace and the user is not erased.
	 * @param userId the user
	 * @param profile the fields
	 * @return the number of fields written
	 * @throws StoreUnavailableException when Redis failed
	 */
	public long rewarm(String userId, ProfileFields profile) {
		List<String> args = new ArrayList<>();
		for (String[] namespace : NAMESPACES) {
			List<String> pairs = new ArrayList<>();
			profile.fields().forEach((field, value) -> {
				if (field.startsWith(namespace[0])) {
					pairs.add(field);
					pairs.add(value);
				}
			});
			if (!pairs.isEmpty()) {
				args.add(namespace[1]);
				args.add(Integer.toString(pairs.size() / 2));
				args.addAll(pairs);
			}
		}
		if (args.isEmpty()) {
			return 0;
		}
		Long written = this.guard.call(() -> this.redis.execute(REWARM, keys(userId), args.toArray()));
		return (written != null) ? written : 0;
	}

	/**
	 * Sets and deletes attribute fields and bumps {@code attr.version}, atomically, if
	 * the stored version is still the one the caller read; the user joins the
	 * {@link #ATTRIBUTE_OUTBOX} in the same step (score: {@code now} in milliseconds)
	 * until {@link #outboxDone} says the change was announced.
	 * @param userId the user
	 * @param expectedVersion the {@code attr.version} read before (0 when absent)
	 * @param now the write time
	 * @param maxAttributes how many attributes the user may have after the write
	 * @param sets {@code attr.<key>} field to JSON text
	 * @param deletes {@code attr.<key>} fields to remove
	 * @return the new version, or {@link #VERSION_MISMATCH}, {@link #ERASED},
	 * {@link #TOO_MANY}
	 * @throws StoreUnavailableException when Redis failed
	 */
	public long writeAttributes(String userId, long expectedVersion, Instant now, int maxAttributes,
			Map<String, String> sets, Collection<String> deletes) {
		List<String> args = new ArrayList<>(6 + sets.size() * 2 + deletes.size());
		args.add(Long.toString(expectedVersion));
		args.add(now.toString());
		args.add(Integer.toString(maxAttributes));
		args.add(Integer.toString(sets.size()));
		args.add(Long.toString(now.toEpochMilli()));
		args.add(userId);
		sets.forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		args.addAll(deletes);
		List<String> keys = List.of(RedisLayout.profileKey(userId), RedisLayout.erasedKey(userId), ATTRIBUTE_OUTBOX);
		Long result = this.guard.call(() -> this.redis.execute(WRITE_ATTRIBUTES, keys, args.toArray()));
		return (result != null) ? result : VERSION_MISMATCH;
	}

	/**
	 * Deletes every key of the user and sets their tombstone, atomically.
	 * @param userId the user
	 * @param erasedAt the erasure time
	 * @throws StoreUnavailableException when Redis failed
	 */
	public void erase(String userId, Instant erasedAt) {
		List<String> keys = new ArrayList<>(RedisLayout.userKeys(userId));
		keys.add(ATTRIBUTE_OUTBOX);
		keys.add(RedisLayout.erasedKey(userId));
		this.guard.call(() -> this.redis.execute(ERASE, keys, erasedAt.toString(), userId));
	}

	/**
	 * Users whose attribute change may still be unannounced, written before a time.
	 * @param writtenBefore epoch milliseconds
	 * @param limit the most users returned
	 * @return user id to the score it is in the outbox with, oldest first
	 * @throws StoreUnavailableException when Redis failed
	 */
	public Map<String, Long> outboxDue(long writtenBefore, int limit) {
		Set<ZSetOperations.TypedTuple<String>> due = this.guard
			.call(() -> this.redis.opsForZSet().rangeByScoreWithScores(ATTRIBUTE_OUTBOX, 0, writtenBefore, 0, limit));
		Map<String, Long> users = new LinkedHashMap<>();
		if (due != null) {
			due.forEach((tuple) -> users.put(tuple.getValue(), Math.round(tuple.getScore())));
		}
		return users;
	}

	/**
	 * How many users the outbox holds.
	 * @return the count
	 * @throws StoreUnavailableException when Redis failed
	 */
	public long outboxSize() {
		Long size = this.guard.call(() -> this.redis.opsForZSet().zCard(ATTRIBUTE_OUTBOX));
		return (size != null) ? size : 0;
	}

	/**
	 * Takes a user out of the outbox once their change was announced, unless a newer
	 * write put them back meanwhile.
	 * @param userId the user
	 * @param score the score the announced write had
	 * @throws StoreUnavailableException when Redis failed
	 */
	public void outboxDone(String userId, long score) {
		this.guard.call(() -> this.redis.execute(OUTBOX_DONE, List.of(ATTRIBUTE_OUTBOX), userId, Long.toString(score)));
	}

	private static List<String> keys(String userId) {
		return List.of(RedisLayout.profileKey(userId), RedisLayout.erasedKey(userId));
	}

}
