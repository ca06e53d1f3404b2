package io.pulsehub.stream.tags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PendingTagWritesTests {

	private final RecordingSink sink = new RecordingSink();

	@Test
	void flushWaitsForSentWritesAndResendsTheOnesThatFailed() {
		PendingTagWrites pending = new PendingTagWrites(this.sink, Duration.ofMillis(50), 100);
		pending.add("u1", Map.of("rt.version", "1"), 1, CompletableFuture.completedFuture(null));
		pending.add("u2", Map.of("rt.version", "1"), 1, CompletableFuture.failedFuture(new IllegalStateException()));
		pending.add("u3", Map.of("rt.version", "1"), 1, new CompletableFuture<>());

		pending.flush();

		assertThat(this.sink.written).containsExactly("u2", "u3");
		assertThat(pending.size()).isZero();
	}

	@Test
	void flushesEarlyPastItsBound() {
		PendingTagWrites pending = new PendingTagWrites(this.sink, Duration.ofMillis(50), 2);
		pending.add("u1", Map.of("rt.version", "1"), 1, CompletableFuture.failedFuture(new IllegalStateException()));
		assertThat(this.sink.written).isEmpty();

		pending.add("u2", Map.of("rt.version", "1"), 1, CompletableFuture.completedFuture(null));

		assertThat(this.sink.written).containsExactly("u1");
		assertThat(pending.size()).isZero();
	}

	@Test
	void failsTheFlushAndSoTheCommitWhenTheStoreStaysAway() {
		this.sink.unavailable = true;
		PendingTagWrites pending = new PendingTagWrites(this.sink, Duration.ofMillis(50), 100);
		pending.add("u1", Map.of("rt.version", "1"), 1, CompletableFuture.failedFuture(new IllegalStateException()));

		assertThatExceptionOfType(TagsSinkUnavailableException.class).isThrownBy(pending::flush);
	}

	private static final class RecordingSink implements TagsSink {

		private final List<String> written = new ArrayList<>();

		private boolean unavailable;

		@Override
		public CompletableFuture<Void> send(String userId, Map<String, String> fields, long version) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void write(String userId, Map<String, String> fields, long version) {
			if (this.unavailable) {
				throw new TagsSinkUnavailableException("down", new IllegalStateException());
			}
			this.written.add(userId);
		}

	}

}
