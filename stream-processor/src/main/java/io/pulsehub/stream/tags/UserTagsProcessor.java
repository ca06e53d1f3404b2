package io.pulsehub.stream.tags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * Applies each event to its user's state, sends the user's tags to the sink and forwards
 * the {@link ProfileChanged} that announces the changed ones.
 * <p>
 * The write is sent without waiting and awaited by {@link PendingTagWrites} before the
 * commit; the state store update and the forward commit atomically with the input offset
 * (exactly-once). After a crash the uncommitted events are replayed, recompute the same
 * absolute values, and the version guard keeps Redis from going backwards meanwhile. Each
 * write carries the whole {@code rt.*} namespace, so a lost older write never leaves a
 * field behind a newer one that landed.
 */
public final class UserTagsProcessor implements FixedKeyProcessor<String, TaggedEvent, ProfileChanged> {

	/** The state store of per-user tag state. */
	public static final String STORE = "user-tags-store";

	private final TagsSink sink;

	private final StreamMetrics metrics;

	private final Clock clock;

	private FixedKeyProcessorContext<String, ProfileChanged> context;

	private KeyValueStore<String, UserTagsState> store;

	private PendingTagWrites pending;

	/**
	 * Creates the processor.
	 * @param sink where tags are written
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
		this.pending = context.getStateStore(PendingTagWrites.STORE);
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
		Map<String, String> fields = UserTags.allFields(applied.state());
		fields.put(RealtimeFields.UPDATED_AT, now.toString());
		Instant receivedAt = Instant.ofEpochSecond(event.getReceivedAt().getSeconds(),
				event.getReceivedAt().getNanos());
		this.pending.add(userId, fields, applied.version(),
				this.sink.send(userId, fields, applied.version()).whenComplete((done, failure) -> {
					Duration sinceAccepted = Duration.between(receivedAt, this.clock.instant());
					if (failure == null && event.getReceivedAt().getSeconds() > 0 && !sinceAccepted.isNegative()) {
						this.metrics.endToEnd(sinceAccepted);
					}
				}));
		this.store.put(userId, applied.state());
		this.context.forward(record.withValue(changed(event, applied, now)));
	}

	private static ProfileChanged changed(UserActivityEvent event, UserTags.Applied applied, Instant at) {
		List<String> fields = applied.fields()
			.keySet()
			.stream()
			.filter((field) -> !field.equals(RealtimeFields.VERSION))
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
