/**
 * Trending items: engagement per item over a rolling hour, repartitioned by item id,
 * published every few seconds as each partition's top items and merged into one Redis
 * sorted set.
 */
package io.pulsehub.stream.trending;
