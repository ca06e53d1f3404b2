package io.pulsehub.points.projection;

import java.time.Instant;
import java.util.List;

import io.pulsehub.contracts.events.PointsEvent;
import io.pulsehub.contracts.profile.PointsFields;
import io.pulsehub.contracts.profile.RedisLayout;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The {@code pts.*} fields of the Redis profile hash, written by scripts guarded by
 * {@code pts.version} so a replayed event or an older rebuild changes nothing, and
 * refused while the user's erasure tombstone exists, so nothing recreates an erased
 * profile.
 */
class RedisPointsProjection {

	/** The event was applied. */
	static final long APPLIED = 1;

	/** The event was applied on top of a gap in the sequence (a missed event). */
	static final long APPLIED_AFTER_GAP = 3;

	/** The projection already holds exactly this event: a replay. */
	static final long SAME_VERSION = 2;

	/** The projection is already past this event. */
	static final long STALE = 0;

	/** The user was erased: nothing is written. */
	static final long ERASED = 4;

	private static final RedisScript<Long> APPLY = RedisScript.of("""
			if redis.call('EXISTS', KEYS[2]) == 1 then return 4 end
			local stored = tonumber(redis.call('HGET', KEYS[1], 'pts.version') or '0')
			local sequence = tonumber(ARGV[1])
			if stored > sequence then return 0 end
			if stored == sequence then return 2 end
			redis.call('HSET', KEYS[1], 'pts.version', ARGV[1], 'pts.balance', ARGV[2], 'pts.updated_at', ARGV[5])
			redis.call('HINCRBY', KEYS[1], 'pts.lifetime_earned', ARGV[3])
			redis.call('HINCRBY', KEYS[1], 'pts.lifetime_spent', ARGV[4])
			if stored ~= sequence - 1 then return 3 end
			return 1
			""", Long.class);

	private static final RedisScript<Long> REPLACE = RedisScript.of("""
			if redis.call('EXISTS', KEYS[2]) == 1 then return 4 end
			local stored = tonumber(redis.call('HGET', KEYS[1], 'pts.version') or '0')
			if stored > tonumber(ARGV[1]) then return 0 end
			redis.call('HSET', KEYS[1], 'pts.version', ARGV[1], 'pts.balance', ARGV[2],
			  'pts.lifetime_earned', ARGV[3], 'pts.lifetime_spent', ARGV[4], 'pts.updated_at', ARGV[5])
			return 1
			""", Long.class);

	static final List<String> FIELDS = List.of(PointsFields.BALANCE, PointsFields.LIFETIME_EARNED,
			PointsFields.LIFETIME_SPENT, PointsFields.VERSION, PointsFields.UPDATED_AT);

	private final StringRedisTemplate redis;

	RedisPointsProjection(StringRedisTemplate redis) {
		this.redis = redis;
	}

	long apply(PointsEvent event, Instant now) {
		PointsDelta delta = PointsDelta.of(event);
		Long result = this.redis.execute(APPLY, keys(event.getUserId()), Long.toString(event.getSequence()),
				Long.toString(event.getBalanceAfter()), Long.toString(delta.earned()), Long.toString(delta.spent()),
				now.toString());
		return (result != null) ? result : STALE;
	}

	/**
	 * Replaces a user's totals with values recomputed from the ledger, unless the
	 * projection is already past {@code snapshot.version()}.
	 */
	boolean replace(LedgerTotals snapshot, Instant now) {
		Long result = this.redis.execute(REPLACE, keys(snapshot.userId()), Long.toString(snapshot.version()),
				Long.toString(snapshot.balance()), Long.toString(snapshot.lifetimeEarned()),
				Long.toString(snapshot.lifetimeSpent()), now.toString());
		return result != null && result == APPLIED;
	}

	private static List<String> keys(String userId) {
		return List.of(RedisLayout.profileKey(userId), RedisLayout.erasedKey(userId));
	}

}
