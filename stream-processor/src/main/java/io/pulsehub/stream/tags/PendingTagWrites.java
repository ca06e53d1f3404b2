package io.pulsehub.stream.tags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.pulsehub.stream.StreamMetrics;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The tag writes of one task on their way to Redis, coalesced per user: a user's later
 * events add their changed fields to the one pending write and raise its version.
 * <p>
 * {@link #send()} (a wall-clock punctuation right after each batch of processed records)
 * hands what is pending to the sink as one pipelined batch and returns without waiting,
 * so the stream thread never stops for a Redis round trip while records flow. Everything
 * sent since the last {@link #flush()} stays remembered, merged per user, until Redis
 * confirms it. {@link #flush()} runs before every commit of the task (Kafka Streams
 * flushes store caches then, see {@link #flushCache()}), at checkpoints and on close: it
 * sends what is pending, waits for every answer and rewrites the merged fields of each
 * user whose write failed (retrying while Redis is down, with the sink's budget). So the
 * offsets of an event never commit before its tags are in Redis, yet Redis sees one round
 * trip per batch and the thread waits at most once per commit.
 * <p>
 * Batches go out in order on one connection, so Redis holds a prefix of every user's
 * versions, and writing only the changed fields is enough. When a write fails and a later
 * one of the same user lands, the fields only the failed one changed are stale until the
 * flush rewrites the user's merged fields (at the latest version, which the version guard
 * accepts); the commit waits for that rewrite. A failure past the retry budget throws,
 * the stream thread is replaced and the uncommitted events are replayed. Not a store of
 * data: nothing is persisted or changelogged.
 */
public final class PendingTagWrites implements StateStore, CachedStateStore<String, Void> {

	/** The store's name, for the processor that uses it. */
	public static final String STORE = "user-tags-pending-redis-writes";

	private final TagsSink sink;

	private final StreamMetrics metrics;

	private final Clock clock;

	private final int maxUsers;

	/** Not yet sent. */
	private final Map<String, Pending> unsent = new LinkedHashMap<>();

	/** Acceptance times of the events whose writes are in {@link #unsent}. */
	private final List<Instant> accepted = new ArrayList<>();

	/**
	 * Everything added since the last flush, merged per user, until Redis confirms it.
	 */
	private final Map<String, Pending> unconfirmed = new LinkedHashMap<>();

	/** The outcomes of the batches sent since the last flush. */
	private final List<InFlight> inFlight = new ArrayList<>();

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
	 * @param maxUsers users written since the last flush after which the task waits for
	 * their answers at once, bounding memory and the work a crash replays
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
		this.unsent.computeIfAbsent(userId, (id) -> new Pending()).add(fields, version);
		this.unconfirmed.computeIfAbsent(userId, (id) -> new Pending()).add(fields, version);
		if (acceptedAt != null) {
			this.accepted.add(acceptedAt);
		}
		if (this.unconfirmed.size() >= this.maxUsers) {
			flush();
		}
	}

	/**
	 * Hands what is pending to the sink as one batch, without waiting for Redis; once it
	 * has landed, each of its events' latency since acceptance is recorded.
	 */
	void send() {
		if (this.unsent.isEmpty()) {
			return;
		}
		List<Instant> acceptedAt = List.copyOf(this.accepted);
		List<TagWrite> writes = writes(this.unsent);
		CompletableFuture<SendOutcome> outcome = this.sink.send(writes).thenApply((sent) -> {
			if (sent.landed()) {
				recordLatencies(acceptedAt);
			}
			return sent;
		});
		this.inFlight.add(new InFlight(writes, outcome));
		this.unsent.clear();
		this.accepted.clear();
	}

	/**
	 * Sends what is pending and returns once everything sent since the last flush is in
	 * Redis, rewriting the merged fields of every user whose write failed.
	 * @throws TagsSinkUnavailableException when Redis stayed unreachable for the sink's
	 * whole retry budget; everything stays remembered, so the commit fails too
	 */
	@Override
	public void flush() {
		send();
		Set<String> failed = new LinkedHashSet<>();
		for (InFlight batch : this.inFlight) {
			SendOutcome.await(batch.writes(), batch.outcome()).failed().forEach((write) -> failed.add(write.userId()));
		}
		if (!failed.isEmpty()) {
			Map<String, Pending> rewrite = new LinkedHashMap<>();
			failed.forEach((userId) -> rewrite.put(userId, this.unconfirmed.get(userId)));
			this.sink.write(writes(rewrite));
		}
		this.inFlight.clear();
		this.unconfirmed.clear();
	}

	private void recordLatencies(List<Instant> acceptedAt) {
		Instant written = this.clock.instant();
		for (Instant at : acceptedAt) {
			Duration sinceAccepted = Duration.between(at, written);
			if (!sinceAccepted.isNegative()) {
				this.metrics.endToEnd(sinceAccepted);
			}
		}
	}

	private static List<TagWrite> writes(Map<String, Pending> byUser) {
		List<TagWrite> writes = new ArrayList<>(byUser.size());
		byUser.forEach((userId, pending) -> writes.add(new TagWrite(userId, pending.fields, pending.version)));
		return writes;
	}

	/**
	 * Kafka Streams calls this before every commit of a task that processed records;
	 * {@link #flush()} itself only runs at checkpoints, which exactly-once skips while
	 * running. This is the hook that keeps an event's offsets from committing before its
	 * tags are in Redis.
	 */
	@Override
	public void flushCache() {
		flush();
	}

	@Override
	public void clearCache() {
		// the task's uncommitted records are abandoned and will be replayed
		close();
		this.open = true;
	}

	@Override
	public boolean setFlushListener(CacheFlushListener<String, Void> listener, boolean sendOldValues) {
		return false;
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
		this.unsent.clear();
		this.accepted.clear();
		this.unconfirmed.clear();
		this.inFlight.clear();
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

	/** Users written since the last flush, whether sent or not. */
	int users() {
		return this.unconfirmed.size();
	}

	private record InFlight(List<TagWrite> writes, CompletableFuture<SendOutcome> outcome) {
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
