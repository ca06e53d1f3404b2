package io.pulsehub.stream.topology;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RealtimeTagsView;
import io.pulsehub.stream.tags.TagWrite;
import io.pulsehub.stream.tags.TagsSink;
import io.pulsehub.stream.trending.ItemScore;
import io.pulsehub.stream.trending.TrendingSink;

/**
 * Test doubles of the Redis sinks with the same version guard, for topology tests.
 */
final class InMemorySinks implements TagsSink, TrendingSink {

	private final Map<String, Map<String, String>> profiles = new ConcurrentHashMap<>();

	private final Map<Integer, List<ItemScore>> trending = new ConcurrentHashMap<>();

	private Instant trendingAsOf;

	@Override
	public void write(Collection<TagWrite> writes) {
		for (TagWrite write : writes) {
			Map<String, String> hash = this.profiles.computeIfAbsent(write.userId(), (id) -> new HashMap<>());
			long stored = Long.parseLong(hash.getOrDefault(RealtimeFields.VERSION, "0"));
			if (stored <= write.version()) {
				hash.putAll(write.fields());
			}
		}
	}

	@Override
	public void publish(int partition, List<ItemScore> top, Instant asOf) {
		this.trending.put(partition, List.copyOf(top));
		this.trendingAsOf = asOf;
	}

	Map<String, String> hash(String userId) {
		return this.profiles.getOrDefault(userId, Map.of());
	}

	RealtimeTagsView view(String userId, Instant at) {
		return RealtimeTagsView.of(hash(userId), at);
	}

	List<ItemScore> trending(int partition) {
		return this.trending.getOrDefault(partition, List.of());
	}

	Instant trendingAsOf() {
		return this.trendingAsOf;
	}

}
