package io.pulsehub.stream.tags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pulsehub.stream.StreamMetrics;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The tag writes of one task not yet in Redis, coalesced per user: a user's later events
 * add their changed fields to the one pending write and raise its version. They are
 * written as one pipelined batch when the processor flushes them (right after each batch
 * of processed records) and whenever Kafka Streams flushes its stores, which it does
 * before every commit. So the offsets of an event never commit before its tags are in
 * Redis, yet Redis sees one round trip per batch instead of one per event.
 * <p>
 * Within a task, batches are written in order and each completely before the next (a
 * failure past the retry budget throws, the stream thread is replaced and the uncommitted
 * events are replayed), so Redis always holds a prefix of every user's versions and
 * writing only the changed fields is enough. Not a store of data: nothing is persisted or
 * changelogged.
 */
public final class PendingTagWrites implements StateStore {

	/** The store's name, for the processor that uses it. */
	public static final String STORE = "user-tags-pending-redis-writes";

	private final TagsSink sink;

	private final StreamMetrics metrics;

	private final Clock clock;

	private final int maxUsers;

	private final Map<String, Pending> byUser = new LinkedHashMap<>();

	private final List<Instant> accepted = new ArrayList<>();

	private boolean open;

	PendingTagWrites(TagsSink sink, StreamMetrics metrics, Clock clock, int maxUsers) {
		this.sink = sink;
		this.metrics = metrics;
		this.clock = clock;
		this.maxUsers = maxUsers;
	}

	/**
	 * Builds one store per task.
	 * @param sink where the writes go
	 * @param metrics where the end-to-end latency of each event is recorded once written
	 * @param clock the wall clock of that latency
	 * @param maxUsers pending users after which the writes go out at once, bounding
	 * memory and the work a crash replays
	 * @return the builder
	 */
	public static StoreBuilder<PendingTagWrites> builder(TagsSink sink, StreamMetrics metrics, Clock clock,
			int maxUsers) {
		return new PendingTagWritesBuilder(() -> new PendingTagWrites(sink, metrics, clock, maxUsers));
	}

	/**
	 * Adds one event's changed fields to its user's pending write.
	 * @param userId the user
	 * @param fields the changed {@code rt.*} fields
	 * @param version the user's namespace version after the event
	 * @param acceptedAt when ingestion accepted the event, or null when unknown
	 */
	void add(String userId, Map<String, String> fields, long version, Instant acceptedAt) {
		this.byUser.computeIfAbsent(userId, (id) -> new Pending()).add(fields, version);
		if (acceptedAt != null) {
			this.accepted.add(acceptedAt);
		}
		if (this.byUser.size() >= this.maxUsers) {
			flush();
		}
	}

	@Override
	public void flush() {
		if (this.byUser.isEmpty()) {
			return;
		}
		List<TagWrite> writes = new ArrayList<>(this.byUser.size());
		this.byUser.forEach((userId, pending) -> writes.add(new TagWrite(userId, pending.fields, pending.version)));
		this.sink.write(writes);
		Instant written = this.clock.instant();
		for (Instant acceptedAt : this.accepted) {
			Duration sinceAccepted = Duration.between(acceptedAt, written);
			if (!sinceAccepted.isNegative()) {
				this.metrics.endToEnd(sinceAccepted);
			}
		}
		this.byUser.clear();
		this.accepted.clear();
	}

	@Override
	public String name() {
		return STORE;
	}

	@Override
	public void init(StateStoreContext context, StateStore root) {
		context.register(root, (key, value) -> {
			// nothing to restore: the store holds no data
		});
		this.open = true;
	}

	@Override
	public void close() {
		// writes not flushed belong to uncommitted events, which are replayed
		this.byUser.clear();
		this.accepted.clear();
		this.open = false;
	}

	@Override
	public boolean persistent() {
		return false;
	}

	@Override
	public boolean isOpen() {
		return this.open;
	}

	int users() {
		return this.byUser.size();
	}

	private static final class Pending {

		private final Map<String, String> fields = new HashMap<>();

		private long version;

		void add(Map<String, String> changed, long next) {
			this.fields.putAll(changed);
			this.version = Math.max(this.version, next);
		}

	}

}
