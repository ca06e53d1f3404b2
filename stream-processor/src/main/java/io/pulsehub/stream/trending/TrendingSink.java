package io.pulsehub.stream.trending;

import java.time.Instant;
import java.util.List;

/**
 * Where each partition's top items go: Redis in production.
 */
public interface TrendingSink {

	/**
	 * Replaces one partition's top items and refreshes the merged trending set.
	 * @param partition the input partition the items were counted on
	 * @param top the partition's top items, highest first
	 * @param asOf the instant the scores are true for
	 */
	void publish(int partition, List<ItemScore> top, Instant asOf);

}
