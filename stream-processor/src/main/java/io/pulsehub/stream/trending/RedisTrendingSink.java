package io.pulsehub.stream.trending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.stream.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Replaces a partition's sorted set ({@code trending:items:1h:p<n>}, expiring unless
 * refreshed, so a partition nobody owns any more fades out) and rebuilds the merged top
 * set from every live partition set, all in one script. A failed refresh is logged and
 * counted; the next one, a few seconds later, carries the same state.
 */
public final class RedisTrendingSink implements TrendingSink {

	private static final Logger logger = LoggerFactory.getLogger(RedisTrendingSink.class);

	static final String PARTITION_PREFIX = RedisLayout.TRENDING_ITEMS_1H + ":p";

	static final String PARTITIONS = RedisLayout.TRENDING_ITEMS_1H + ":partitions";

	// Standalone Redis: the script reads the partition keys listed in the registry set.
	private static final RedisScript<Long> REFRESH = RedisScript.of("""
			redis.call('DEL', KEYS[1])
			if #ARGV > 3 then
			  redis.call('ZADD', KEYS[1], unpack(ARGV, 4))
			  redis.call('EXPIRE', KEYS[1], ARGV[1])
			end
			redis.call('SADD', KEYS[2], KEYS[1])
			local live = {}
			for _, key in ipairs(redis.call('SMEMBERS', KEYS[2])) do
			  if redis.call('EXISTS', key) == 1 then
			    table.insert(live, key)
			  else
			    redis.call('SREM', KEYS[2], key)
			  end
			end
			if #live == 0 then
			  redis.call('DEL', KEYS[3])
			else
			  redis.call('ZUNIONSTORE', KEYS[3], #live, unpack(live))
			  redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[2]) + 1))
			end
			redis.call('SET', KEYS[4], ARGV[3])
			return #live
			""", Long.class);

	private final StringRedisTemplate redis;

	private final StreamMetrics metrics;

	private final Duration partitionTtl;

	private final int size;

	/**
	 * Creates the sink.
	 * @param redis the Redis client
	 * @param metrics where write latency and failures are counted
	 * @param partitionTtl how long a partition's set outlives its last refresh
	 * @param size how many items the merged set keeps
	 */
	public RedisTrendingSink(StringRedisTemplate redis, StreamMetrics metrics, Duration partitionTtl, int size) {
		this.redis = redis;
		this.metrics = metrics;
		this.partitionTtl = partitionTtl;
		this.size = size;
	}

	@Override
	public void publish(int partition, List<ItemScore> top, Instant asOf) {
		List<String> keys = List.of(PARTITION_PREFIX + partition, PARTITIONS, RedisLayout.TRENDING_ITEMS_1H,
				RedisLayout.TRENDING_ITEMS_1H_AS_OF);
		List<String> args = new ArrayList<>(3 + top.size() * 2);
		args.add(Long.toString(this.partitionTtl.toSeconds()));
		args.add(Integer.toString(this.size));
		args.add(asOf.toString());
		for (ItemScore item : top) {
			args.add(Long.toString(item.score()));
			args.add(item.itemId());
		}
		long start = System.nanoTime();
		try {
			this.redis.execute(REFRESH, keys, args.toArray());
			this.metrics.redisWrite("trending", "success", Duration.ofNanos(System.nanoTime() - start));
		}
		catch (DataAccessException ex) {
			this.metrics.redisWrite("trending", "failure", Duration.ofNanos(System.nanoTime() - start));
			logger.warn("Trending items of partition {} not refreshed (next try in a few seconds): {}", partition,
					ex.getMessage());
		}
	}

}
