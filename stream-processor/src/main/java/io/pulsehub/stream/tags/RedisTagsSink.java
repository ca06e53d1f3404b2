package io.pulsehub.stream.tags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.stream.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Writes tags into the user's profile hash with one script that sets the fields only when
 * the stored {@code rt.version} is not newer, so a replay never moves a profile
 * backwards. While Redis is unreachable it retries with exponential backoff, holding the
 * stream thread (and so the offsets) where they are, until the retry budget runs out.
 */
public final class RedisTagsSink implements TagsSink {

	private static final Logger logger = LoggerFactory.getLogger(RedisTagsSink.class);

	private static final RedisScript<Long> GUARDED_WRITE = RedisScript.of("""
			local stored = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
			if stored > tonumber(ARGV[2]) then
			  return 0
			end
			redis.call('HSET', KEYS[1], unpack(ARGV, 3))
			return 1
			""", Long.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private final StringRedisTemplate redis;

	private final StreamMetrics metrics;

	private final Duration retryFor;

	/**
	 * Creates the sink.
	 * @param redis the Redis client
	 * @param metrics where write latency and failures are counted
	 * @param retryFor how long to keep retrying one write before giving up
	 */
	public RedisTagsSink(StringRedisTemplate redis, StreamMetrics metrics, Duration retryFor) {
		this.redis = redis;
		this.metrics = metrics;
		this.retryFor = retryFor;
	}

	@Override
	public void write(String userId, Map<String, String> fields, long version) {
		List<String> keys = List.of(RedisLayout.profileKey(userId));
		Object[] args = arguments(fields, version);
		long deadline = System.nanoTime() + this.retryFor.toNanos();
		Duration backoff = FIRST_BACKOFF;
		for (int attempt = 1;; attempt++) {
			long start = System.nanoTime();
			try {
				this.redis.execute(GUARDED_WRITE, keys, args);
				this.metrics.redisWrite("tags", "success", Duration.ofNanos(System.nanoTime() - start));
				if (attempt > 1) {
					logger.info("Redis is writable again after {} attempts", attempt);
				}
				return;
			}
			catch (DataAccessException ex) {
				this.metrics.redisWrite("tags", "failure", Duration.ofNanos(System.nanoTime() - start));
				if (System.nanoTime() + backoff.toNanos() > deadline) {
					throw new TagsSinkUnavailableException(
							"Redis stayed unreachable for " + this.retryFor + " writing tags", ex);
				}
				if (attempt == 1) {
					logger.warn("Redis write failed, retrying with backoff for up to {}: {}", this.retryFor,
							ex.getMessage());
				}
				pause(backoff);
				backoff = (backoff.compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
			}
		}
	}

	private static Object[] arguments(Map<String, String> fields, long version) {
		List<String> args = new ArrayList<>(2 + fields.size() * 2);
		args.add(RealtimeFields.VERSION);
		args.add(Long.toString(version));
		fields.forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		return args.toArray();
	}

	private static void pause(Duration backoff) {
		try {
			Thread.sleep(backoff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TagsSinkUnavailableException("Interrupted while waiting for Redis", ex);
		}
	}

}
