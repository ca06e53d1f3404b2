package io.pulsehub.stream.topology;

import java.time.Duration;

import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.stream.StreamMetrics;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an event whose event id was seen within the retention. The ids live in a
 * changelogged window store whose old segments expire by themselves; the source is keyed
 * by user id, so every copy of an event reaches the same task.
 */
final class Deduplicator implements FixedKeyProcessor<String, UserActivityEvent, UserActivityEvent> {

	static final String STORE = "dedupe-event-ids-store";

	private final long retentionMs;

	private final StreamMetrics metrics;

	private FixedKeyProcessorContext<String, UserActivityEvent> context;

	private WindowStore<String, Long> seen;

	Deduplicator(Duration retention, StreamMetrics metrics) {
		this.retentionMs = retention.toMillis();
		this.metrics = metrics;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, UserActivityEvent> context) {
		this.context = context;
		this.seen = context.getStateStore(STORE);
	}

	@Override
	public void process(FixedKeyRecord<String, UserActivityEvent> record) {
		String eventId = record.value().getEventId();
		long timestamp = record.timestamp();
		try (WindowStoreIterator<Long> earlier = this.seen.fetch(eventId, timestamp - this.retentionMs,
				timestamp + this.retentionMs)) {
			if (earlier.hasNext()) {
				this.metrics.dedupeHit();
				return;
			}
		}
		this.seen.put(eventId, timestamp, timestamp);
		this.context.forward(record);
	}

}
