package io.pulsehub.stream.tags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The Redis writes of one task since its last commit: sent at once, pipelined, and
 * awaited only when Kafka Streams flushes its stores, which it does before every commit.
 * So the offsets of an event never commit before its tags are in Redis, yet no event
 * waits for a round trip. A write that failed is re-sent and awaited with the sink's
 * retries; if Redis stays away the flush fails, the stream thread is replaced and the
 * uncommitted events are replayed (the version guard makes the repeats harmless).
 * <p>
 * Not a store of data: nothing is persisted or changelogged.
 */
public final class PendingTagWrites implements StateStore {

	/** The store's name, for the processor that uses it. */
	public static final String STORE = "user-tags-pending-redis-writes";

	private final TagsSink sink;

	private final Duration waitPerWrite;

	private final int maxPending;

	private final List<Pending> pending = new ArrayList<>();

	private boolean open;

	PendingTagWrites(TagsSink sink, Duration waitPerWrite, int maxPending) {
		this.sink = sink;
		this.waitPerWrite = waitPerWrite;
		this.maxPending = maxPending;
	}

	/**
	 * Builds one store per task.
	 * @param sink where the writes go
	 * @param waitPerWrite how long a flush waits for one sent write before re-sending it
	 * @param maxPending writes after which the processor flushes without waiting for the
	 * commit, bounding memory and the work a crash replays
	 * @return the builder
	 */
	public static StoreBuilder<PendingTagWrites> builder(TagsSink sink, Duration waitPerWrite, int maxPending) {
		return new PendingTagWritesBuilder(sink, waitPerWrite, maxPending);
	}

	void add(String userId, Map<String, String> fields, long version, CompletableFuture<Void> sent) {
		this.pending.add(new Pending(userId, fields, version, sent));
		if (this.pending.size() >= this.maxPending) {
			flush();
		}
	}

	@Override
	public void flush() {
		for (Pending write : this.pending) {
			if (!landed(write.sent())) {
				this.sink.write(write.userId(), write.fields(), write.version());
			}
		}
		this.pending.clear();
	}

	private boolean landed(CompletableFuture<Void> sent) {
		try {
			sent.get(this.waitPerWrite.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TagsSinkUnavailableException("Interrupted while waiting for Redis", ex);
		}
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
		this.pending.clear();
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

	int size() {
		return this.pending.size();
	}

	private record Pending(String userId, Map<String, String> fields, long version, CompletableFuture<Void> sent) {
	}

}
