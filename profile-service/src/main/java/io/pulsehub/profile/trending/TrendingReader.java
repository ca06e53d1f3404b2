package io.pulsehub.profile.trending;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * Reads the top of a trending board from Redis: the board's sorted set (ZREVRANGE
 * WITHSCORES) and the time of its last refresh, each bounded by the command timeout.
 * <p>
 * Two plain commands on the shared connection rather than a pipeline: Spring Data Redis
 * runs a pipeline on a dedicated connection, which without a pool means a new connection
 * and handshake per request.
 */
class TrendingReader {

	/**
	 * Long enough for Lettuce to reconnect after a blip, short next to a board refresh.
	 */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(TrendingReader.class);

	private final StringRedisTemplate redis;

	private final TrendingMetrics metrics;

	TrendingReader(StringRedisTemplate redis, TrendingMetrics metrics) {
		this.redis = redis;
		this.metrics = metrics;
	}

	/**
	 * The top {@code query.limit()} items of the board, highest score first.
	 * @param query the board and how many items
	 * @return the items and the board's refresh time; no items when the board does not
	 * exist
	 * @throws TrendingProblem (503) when Redis failed or did not answer within its
	 * command timeout
	 */
	TrendingView read(TrendingQuery query) {
		TrendingWindow window = query.window();
		long start = System.nanoTime();
		Set<TypedTuple<String>> top;
		String asOf;
		try {
			top = this.redis.opsForZSet().reverseRangeWithScores(window.itemsKey(), 0, query.limit() - 1);
			asOf = this.redis.opsForValue().get(window.asOfKey());
		}
		catch (DataAccessException ex) {
			this.metrics.read(Duration.ofNanos(System.nanoTime() - start), false);
			// the stack adds nothing here; the meter and Redis health tell how long it
			// lasts
			logger.warn("Trending board " + window.label() + " unavailable: " + ex.getMessage());
			throw TrendingProblem.unavailable(RETRY_AFTER);
		}
		this.metrics.read(Duration.ofNanos(System.nanoTime() - start), true);
		return new TrendingView(window.label(), asOf(asOf), items(top));
	}

	private static List<TrendingItem> items(Set<TypedTuple<String>> top) {
		// ranks by position: Redis orders equal scores by member, so ties get distinct
		// ranks
		List<TrendingItem> items = new ArrayList<>(top.size());
		for (TypedTuple<String> entry : top) {
			items.add(new TrendingItem(items.size() + 1, entry.getValue(), entry.getScore()));
		}
		return items;
	}

	private static Instant asOf(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			// a writer's bug should not hide the board: answer it without asOf
			logger.warn("Ignoring unparsable trending refresh time '" + value + "'");
			return null;
		}
	}

}
