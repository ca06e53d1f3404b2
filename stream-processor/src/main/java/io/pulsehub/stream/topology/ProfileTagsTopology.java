package io.pulsehub.stream.topology;

import java.time.Clock;
import java.util.Map;

import io.pulsehub.contracts.ProtobufSerde;
import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.stream.StreamMetrics;
import io.pulsehub.stream.device.DeviceClassifier;
import io.pulsehub.stream.tags.PendingTagWrites;
import io.pulsehub.stream.tags.TaggedEvent;
import io.pulsehub.stream.tags.TagsSink;
import io.pulsehub.stream.tags.UserTagsProcessor;
import io.pulsehub.stream.tags.state.UserTagsState;
import io.pulsehub.stream.trending.TrendingProcessor;
import io.pulsehub.stream.trending.TrendingSink;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Activity events to real-time tags: parse (unusable records to the dead-letter topic),
 * drop duplicate event ids, classify the device, update the user's tags in Redis and
 * announce them on {@code profile-changes}; in a second branch, repartition engaging
 * events by item and keep the trending items. Every state store is changelogged, so an
 * instance that dies is replaced by another that restores the state and resumes.
 */
final class ProfileTagsTopology {

	private static final Topic<String, UserActivityEvent> SOURCE = Topics.USER_ACTIVITY_EVENTS;

	private final TopologySettings settings;

	private final DeviceClassifier classifier;

	private final TagsSink tags;

	private final TrendingSink trending;

	private final StreamMetrics metrics;

	private final Clock clock;

	ProfileTagsTopology(TopologySettings settings, DeviceClassifier classifier, TagsSink tags, TrendingSink trending,
			StreamMetrics metrics, Clock clock) {
		this.settings = settings;
		this.classifier = classifier;
		this.tags = tags;
		this.trending = trending;
		this.metrics = metrics;
		this.clock = clock;
	}

	void addTo(StreamsBuilder builder) {
		addStores(builder);
		Map<String, KStream<String, ParsedEvent>> parsed = builder
			.stream(SOURCE.name(),
					Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("activity-events-source"))
			.processValues(() -> new EventParser(this.settings.applicationId()), Named.as("parse-event"))
			.split(Named.as("parsed-"))
			.branch((userId, record) -> !record.isValid(), Branched.as("invalid"))
			.defaultBranch(Branched.as("valid"));
		deadLetter(parsed.get("parsed-invalid"));
		KStream<String, UserActivityEvent> events = parsed.get("parsed-valid")
			.mapValues(ParsedEvent::event, Named.as("parsed-event"))
			.processValues(() -> new Deduplicator(this.settings.dedupeRetention(), this.metrics),
					Named.as("deduplicate"), Deduplicator.STORE);
		userTags(events);
		trendingItems(events);
	}

	private void addStores(StreamsBuilder builder) {
		// Not cached: every event id is new, so a cache only added a merged
		// cache-and-RocksDB
		// range scan to each lookup and an eviction pass to each id (the topology drained
		// about a third more events per second without it, docs/benchmarks.md).
		builder.addStateStore(Stores
			.windowStoreBuilder(Stores.persistentWindowStore(Deduplicator.STORE, this.settings.dedupeRetention(),
					this.settings.dedupeRetention(), false), Serdes.String(), Serdes.Long())
			.withCachingDisabled());
		// Cached: reads of active users skip RocksDB, and a user's updates within one
		// commit
		// interval reach RocksDB and the changelog once, at the commit.
		builder.addStateStore(
				Stores
					.keyValueStoreBuilder(Stores.persistentKeyValueStore(UserTagsProcessor.STORE), Serdes.String(),
							ProtobufSerde.of(UserTagsState.parser()))
					.withCachingEnabled());
		builder.addStateStore(
				PendingTagWrites.builder(this.tags, this.metrics, this.clock, this.settings.tagsMaxPendingUsers()));
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TrendingProcessor.STORE),
				Serdes.String(), Serdes.String()));
	}

	private void deadLetter(KStream<String, ParsedEvent> invalid) {
		Topic<String, byte[]> dlt = Topics.USER_ACTIVITY_EVENTS_DLT;
		invalid.peek((userId, record) -> this.metrics.deadLettered(record.reason()), Named.as("count-dead-letter"))
			.mapValues(ParsedEvent::raw, Named.as("dead-letter-bytes"))
			.to(dlt.name(), Produced.with(dlt.keySerde(), dlt.valueSerde()).withName("dead-letter-sink"));
	}

	private void userTags(KStream<String, UserActivityEvent> events) {
		Topic<String, ProfileChanged> changes = Topics.PROFILE_CHANGES;
		events
			.mapValues((event) -> new TaggedEvent(event, this.classifier.classify(event.getUserAgent())),
					Named.as("classify-device"))
			.processValues(() -> new UserTagsProcessor(this.metrics, this.clock, this.settings.tagsFlushInterval()),
					Named.as("user-tags"), UserTagsProcessor.STORE, PendingTagWrites.STORE)
			.to(changes.name(),
					Produced.with(changes.keySerde(), changes.valueSerde()).withName("profile-changes-sink"));
	}

	private void trendingItems(KStream<String, UserActivityEvent> events) {
		events
			.filter((userId, event) -> !event.getItemId().isEmpty()
					&& this.settings.engagementWeights().of(event.getType()) > 0, Named.as("engaging-item-events"))
			.selectKey((userId, event) -> event.getItemId(), Named.as("key-by-item"))
			.repartition(Repartitioned.with(Serdes.String(), SOURCE.valueSerde()).withName("trending-by-item"))
			.process(
					() -> new TrendingProcessor(this.settings.engagementWeights(), this.trending,
							this.settings.trendingRefresh(), this.settings.trendingSize()),
					Named.as("trending-items"), TrendingProcessor.STORE);
	}

}
