package io.pulsehub.stream.tags;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds {@link PendingTagWrites}; it has no changelog and no cache, whatever is asked.
 */
final class PendingTagWritesBuilder implements StoreBuilder<PendingTagWrites> {

	private final TagsSink sink;

	private final Duration waitPerWrite;

	private final int maxPending;

	PendingTagWritesBuilder(TagsSink sink, Duration waitPerWrite, int maxPending) {
		this.sink = sink;
		this.waitPerWrite = waitPerWrite;
		this.maxPending = maxPending;
	}

	@Override
	public StoreBuilder<PendingTagWrites> withCachingEnabled() {
		return this;
	}

	@Override
	public StoreBuilder<PendingTagWrites> withCachingDisabled() {
		return this;
	}

	@Override
	public StoreBuilder<PendingTagWrites> withLoggingEnabled(Map<String, String> config) {
		return this;
	}

	@Override
	public StoreBuilder<PendingTagWrites> withLoggingDisabled() {
		return this;
	}

	@Override
	public PendingTagWrites build() {
		return new PendingTagWrites(this.sink, this.waitPerWrite, this.maxPending);
	}

	@Override
	public Map<String, String> logConfig() {
		return Map.of();
	}

	@Override
	public boolean loggingEnabled() {
		return false;
	}

	@Override
	public String name() {
		return PendingTagWrites.STORE;
	}

}
