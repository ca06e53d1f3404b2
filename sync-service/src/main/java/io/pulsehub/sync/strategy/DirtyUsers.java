package io.pulsehub.sync.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The users waiting for the scheduled sync, in Redis so every instance shares them: a
 * sorted set ({@code sync:dirty}) of user by first-dirty time (epoch ms), a second one
 * ({@code sync:draining}) of the users a drainer has claimed, and the drainer's lock
 * ({@code sync:drainer:lock}, with an expiry, so one instance drains at a time and
 * another takes over when it dies).
 */
public class DirtyUsers {

	static final String DIRTY = "sync:dirty";

	static final String DRAINING = "sync:draining";

	static final String LOCK = "sync:drainer:lock";

	// Users a dead drainer left claimed go back first; then the oldest n are claimed.
	// Returns user, score, user, score, ...
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = RedisScript.of("""
			local left = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
			for i = 1, #left, 2 do redis.call('ZADD', KEYS[1], 'NX', left[i + 1], left[i]) end
			redis.call('DEL', KEYS[2])
			local claimed = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
			for i = 1, #claimed, 2 do
			  redis.call('ZREM', KEYS[1], claimed[i])
			  redis.call('ZADD', KEYS[2], claimed[i + 1], claimed[i])
			end
			return claimed
			""", List.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local scores = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
			for i = 1, #scores, 2 do redis.call('ZADD', KEYS[1], 'NX', scores[i + 1], scores[i]) end
			redis.call('DEL', KEYS[2])
			return #scores / 2
			""", Long.class);

	private static final RedisScript<Long> LOCK_SCRIPT = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			  return 1
			end
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	public DirtyUsers(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Marks a user dirty, keeping the first-dirty time of one already dirty.
	 * @param userId the user
	 * @param changedAt when the change happened
	 */
	public void mark(String userId, Instant changedAt) {
		this.redis.opsForZSet().addIfAbsent(DIRTY, userId, changedAt.toEpochMilli());
	}

	/**
	 * Marks users dirty.
	 * @param changedAt per user, when their change happened
	 */
	public void markAll(Map<String, Instant> changedAt) {
		changedAt.forEach(this::mark);
	}

	/**
	 * Forgets a user (erased).
	 * @param userId the user
	 */
	public void remove(String userId) {
		this.redis.opsForZSet().remove(DIRTY, userId);
	}

	/**
	 * Dirty users, claimed or not.
	 * @return the count
	 */
	public long size() {
		Long dirty = this.redis.opsForZSet().zCard(DIRTY);
		Long draining = this.redis.opsForZSet().zCard(DRAINING);
		return ((dirty != null) ? dirty : 0) + ((draining != null) ? draining : 0);
	}

	/**
	 * Takes or keeps the drainer's lock.
	 * @param owner this instance
	 * @param ttl how long the lock lasts without renewal
	 * @return true when this instance holds it
	 */
	boolean lock(String owner, Duration ttl) {
		return Long.valueOf(1)
			.equals(this.redis.execute(LOCK_SCRIPT, List.of(LOCK), owner, Long.toString(ttl.toMillis())));
	}

	/**
	 * Claims the oldest dirty users (only the lock holder calls this).
	 * @param count at most this many
	 * @return user to first-dirty time, oldest first
	 */
	Map<String, Instant> claim(int count) {
		List<?> reply = this.redis.execute(CLAIM, List.of(DIRTY, DRAINING), Integer.toString(count));
		Map<String, Instant> claimed = new LinkedHashMap<>();
		for (int i = 0; reply != null && i + 1 < reply.size(); i += 2) {
			long millis = (long) Double.parseDouble(String.valueOf(reply.get(i + 1)));
			claimed.put(String.valueOf(reply.get(i)), Instant.ofEpochMilli(millis));
		}
		return claimed;
	}

	/**
	 * The claimed users are synced.
	 * @param userIds the users
	 */
	void done(Collection<String> userIds) {
		if (!userIds.isEmpty()) {
			this.redis.opsForZSet().remove(DRAINING, new ArrayList<>(userIds).toArray());
		}
	}

	/** The claimed users could not be synced: back into the dirty set. */
	void release() {
		this.redis.execute(RELEASE, List.of(DIRTY, DRAINING));
	}

}
