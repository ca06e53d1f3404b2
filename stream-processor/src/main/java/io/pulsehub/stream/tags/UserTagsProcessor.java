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
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each event to its user's state, hands the changed tags to
 * {@link PendingTagWrites} and forwards the {@link ProfileChanged} that announces them.
 * <p>
 * The pending writes are sent to Redis right after each batch of processed records (a
 * wall-clock punctuation, which does not wait for Redis to answer) and confirmed before
 * every commit; the state store update and the forward commit atomically with the input
 * offset (exactly-once), so consumers of {@code profile-changes} never see a change
 * before Redis has it. After a crash the uncommitted events are replayed, recompute the
 * same absolute values, and the version guard keeps Redis from going backwards meanwhile.
 */
public final class UserTagsProcessor implements FixedKeyProcessor<String, TaggedEvent, ProfileChanged> {

	/** The state store of per-user tag state. */
	public static final String STORE = "user-tags-store";

	private final StreamMetrics metrics;

	private final Clock clock;

	private final Duration flushInterval;

	private FixedKeyProcessorContext<String, ProfileChanged> context;

	private KeyValueStore<String, UserTagsState> store;

	private PendingTagWrites pending;

	/**
	 * Creates the processor.
	 * @param metrics the processor's meters
	 * @param clock wall clock for the update time
	 * @param flushInterval how often pending writes are sent to Redis; the punctuation
	 * runs after a batch of records, so a millisecond means after every batch
	 */
	public UserTagsProcessor(StreamMetrics metrics, Clock clock, Duration flushInterval) {
		this.metrics = metrics;
		this.clock = clock;
		this.flushInterval = flushInterval;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, ProfileChanged> context) {
		this.context = context;
		this.store = context.getStateStore(STORE);
		this.pending = context.getStateStore(PendingTagWrites.STORE);
		context.schedule(this.flushInterval, PunctuationType.WALL_CLOCK_TIME, (now) -> this.pending.send());
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
		Timestamp receivedAt = event.getReceivedAt();
		Instant acceptedAt = (receivedAt.getSeconds() > 0)
				? Instant.ofEpochSecond(receivedAt.getSeconds(), receivedAt.getNanos()) : null;
		this.pending.add(userId, applied.fields(), applied.version(), acceptedAt);
		this.store.put(userId, applied.state());
		this.context.forward(record.withValue(changed(event, applied, now)));
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
