package io.pulsehub.stream.tags;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds {@link PendingTagWrites}; it has no changelog and no cache, whatever is asked.
 */
final class PendingTagWritesBuilder implements StoreBuilder<PendingTagWrites> {

	private final Supplier<PendingTagWrites> factory;

	PendingTagWritesBuilder(Supplier<PendingTagWrites> factory) {
		this.factory = factory;
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
		return this.factory.get();
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
