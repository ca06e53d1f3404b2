package io.pulsehub.stream.trending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.contracts.profile.WindowedCount;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts weighted engagement per item in one-minute buckets of event time and, on a
 * wall-clock schedule, publishes the partition's top items as true for that instant,
 * forgetting items without engagement in the last hour.
 */
public final class TrendingProcessor implements Processor<String, UserActivityEvent, Void, Void> {

	/** The state store of per-item bucketed engagement. */
	public static final String STORE = "trending-items-store";

	static final Duration WINDOW = Duration.ofHours(1);

	static final Duration BUCKET = Duration.ofMinutes(1);

	private final EngagementWeights weights;

	private final TrendingSink sink;

	private final Duration refresh;

	private final int size;

	private ProcessorContext<Void, Void> context;

	private KeyValueStore<String, String> items;

	/**
	 * Creates the processor.
	 * @param weights engagement per event type
	 * @param sink where the top items go
	 * @param refresh how often they are published
	 * @param size how many items a partition publishes
	 */
	public TrendingProcessor(EngagementWeights weights, TrendingSink sink, Duration refresh, int size) {
		this.weights = weights;
		this.sink = sink;
		this.refresh = refresh;
		this.size = size;
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.context = context;
		this.items = context.getStateStore(STORE);
		context.schedule(this.refresh, PunctuationType.WALL_CLOCK_TIME,
				(wallClockMs) -> publish(Instant.ofEpochMilli(wallClockMs)));
	}

	@Override
	public void process(Record<String, UserActivityEvent> record) {
		int weight = this.weights.of(record.value().getType());
		if (weight == 0) {
			return;
		}
		Timestamp occurred = record.value().getOccurredAt();
		Instant eventTime = Instant.ofEpochSecond(occurred.getSeconds(), occurred.getNanos());
		Instant now = Instant.ofEpochMilli(Math.max(this.context.currentStreamTimeMs(), eventTime.toEpochMilli()));
		String stored = this.items.get(record.key());
		WindowedCount count = (stored != null) ? WindowedCount.decode(stored) : WindowedCount.empty(WINDOW, BUCKET);
		if (count.counts(eventTime, now)) {
			this.items.put(record.key(), count.plus(eventTime, weight, now).encode());
		}
	}

	private void publish(Instant now) {
		PriorityQueue<ItemScore> top = new PriorityQueue<>(Comparator.comparingLong(ItemScore::score));
		List<String> forgotten = new ArrayList<>();
		try (KeyValueIterator<String, String> all = this.items.all()) {
			while (all.hasNext()) {
				KeyValue<String, String> item = all.next();
				long score = WindowedCount.decode(item.value).valueAt(now);
				if (score == 0) {
					forgotten.add(item.key);
				}
				else {
					top.add(new ItemScore(item.key, score));
					if (top.size() > this.size) {
						top.poll();
					}
				}
			}
		}
		forgotten.forEach(this.items::delete);
		List<ItemScore> ranked = new ArrayList<>(top);
		ranked.sort(Comparator.comparingLong(ItemScore::score).reversed().thenComparing(ItemScore::itemId));
		this.sink.publish(this.context.taskId().partition(), ranked, now);
	}

}
