package io.pulsehub.stream.tags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.stream.StreamMetrics;
import io.pulsehub.stream.tags.state.UserTagsState;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each event to its user's state, writes the changed tags to the sink and
 * forwards the {@link ProfileChanged} that announces them.
 * <p>
 * The sink write happens before the state store update and the forward, both of which
 * commit atomically with the input offset (exactly-once): after a crash the event is
 * replayed, recomputes the same absolute values and the version guard keeps Redis from
 * going backwards meanwhile.
 */
public final class UserTagsProcessor implements FixedKeyProcessor<String, TaggedEvent, ProfileChanged> {

	/** The state store of per-user tag state. */
	public static final String STORE = "user-tags-store";

	private final TagsSink sink;

	private final StreamMetrics metrics;

	private final Clock clock;

	private FixedKeyProcessorContext<String, ProfileChanged> context;

	private KeyValueStore<String, UserTagsState> store;

	/**
	 * Creates the processor.
	 * @param sink where changed tags are written
	 * @param metrics the processor's meters
	 * @param clock wall clock for the update time and latency
	 */
	public UserTagsProcessor(TagsSink sink, StreamMetrics metrics, Clock clock) {
		this.sink = sink;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, ProfileChanged> context) {
		this.context = context;
		this.store = context.getStateStore(STORE);
	}

	@Override
	public void process(FixedKeyRecord<String, TaggedEvent> record) {
		UserActivityEvent event = record.value().event();
		String userId = event.getUserId();
		UserTagsState state = this.store.get(userId);
		UserTags.Applied applied = UserTags.apply((state != null) ? state : UserTagsState.getDefaultInstance(),
				record.value());
		if (applied.late()) {
			this.metrics.lateForWindows();
		}
		Instant now = this.clock.instant();
		applied.fields().put(RealtimeFields.UPDATED_AT, now.toString());
		this.sink.write(userId, applied.fields(), applied.version());
		this.store.put(userId, applied.state());
		Instant written = this.clock.instant();
		Timestamp receivedAt = event.getReceivedAt();
		Duration sinceAccepted = Duration.between(Instant.ofEpochSecond(receivedAt.getSeconds(), receivedAt.getNanos()),
				written);
		if (receivedAt.getSeconds() > 0 && !sinceAccepted.isNegative()) {
			this.metrics.endToEnd(sinceAccepted);
		}
		this.context.forward(record.withValue(changed(event, applied, written)));
	}

	private static ProfileChanged changed(UserActivityEvent event, UserTags.Applied applied, Instant at) {
		List<String> fields = applied.fields()
			.keySet()
			.stream()
			.filter((field) -> !field.equals(RealtimeFields.VERSION) && !field.equals(RealtimeFields.UPDATED_AT))
			.toList();
		return ProfileChanged.newBuilder()
			.setUserId(event.getUserId())
			.setKind(ChangeKind.REALTIME)
			.addAllChangedFields(fields)
			.setVersion(applied.version())
			.setChangedAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
			.setCauseEventId(event.getEventId())
			.setCauseEventType(event.getType())
			.build();
	}

}
