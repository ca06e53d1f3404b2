package io.pulsehub.stream.tags;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulsehub.stream.StreamMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PendingTagWritesTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final RecordingSink sink = new RecordingSink();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private PendingTagWrites pending(int maxUsers) {
		return new PendingTagWrites(this.sink, new StreamMetrics(this.registry), Clock.fixed(NOW, ZoneOffset.UTC),
				maxUsers);
	}

	@Test
	void coalescesAUsersEventsIntoOneWriteOfEveryChangedFieldAtTheLatestVersion() {
		PendingTagWrites pending = pending(100);
		pending.add("u1", Map.of("rt.version", "1", "rt.count.click", "1", "rt.device.class", "MOBILE"), 1, null);
		pending.add("u2", Map.of("rt.version", "4", "rt.count.page_view", "4"), 4, null);
		pending.add("u1", Map.of("rt.version", "2", "rt.count.click", "2"), 2, null);

		pending.flush();

		assertThat(this.sink.sent).singleElement()
			.satisfies(
					(batch) -> assertThat(batch).containsExactly(
							new TagWrite("u1",
									Map.of("rt.version", "2", "rt.count.click", "2", "rt.device.class", "MOBILE"), 2),
							new TagWrite("u2", Map.of("rt.version", "4", "rt.count.page_view", "4"), 4)));
		assertThat(pending.users()).isZero();
	}

	@Test
	void sendsWithoutWaitingAndConfirmsBeforeTheCommit() {
		PendingTagWrites pending = pending(100);
		this.sink.answering = false;
		pending.add("u1", Map.of("rt.version", "1"), 1, null);

		pending.send();

		assertThat(this.sink.sent).singleElement();
		assertThat(this.sink.answers.getFirst()).isNotDone();
		assertThat(pending.users()).isEqualTo(1);
		this.sink.answers.getFirst().complete(SendOutcome.LANDED);

		pending.flush();

		assertThat(this.sink.batches).isEmpty();
		assertThat(pending.users()).isZero();
	}

	@Test
	void rewritesTheMergedFieldsOfAUserWhoseEarlierWriteFailedAlthoughALaterOneLanded() {
		PendingTagWrites pending = pending(100);
		this.sink.answering = false;
		pending.add("u1", Map.of("rt.version", "1", "rt.count.click", "1", "rt.device.class", "MOBILE"), 1, null);
		pending.add("u2", Map.of("rt.version", "3", "rt.count.page_view", "3"), 3, null);
		pending.send();
		pending.add("u1", Map.of("rt.version", "2", "rt.count.click", "2"), 2, null);
		pending.send();
		List<TagWrite> first = this.sink.sent.getFirst();
		this.sink.answers.get(0)
			.complete(new SendOutcome(first.stream().filter((w) -> w.userId().equals("u1")).toList(), null));
		this.sink.answers.get(1).complete(SendOutcome.LANDED);

		pending.flush();

		assertThat(this.sink.batches).singleElement()
			.satisfies((batch) -> assertThat(batch).containsExactly(new TagWrite("u1",
					Map.of("rt.version", "2", "rt.count.click", "2", "rt.device.class", "MOBILE"), 2)));
		assertThat(pending.users()).isZero();
	}

	@Test
	void confirmsEverythingSentWhenKafkaStreamsFlushesCachesBeforeACommit() {
		PendingTagWrites pending = pending(100);
		this.sink.answering = false;
		pending.add("u1", Map.of("rt.version", "1"), 1, null);
		pending.send();
		this.sink.answers.getFirst().complete(new SendOutcome(this.sink.sent.getFirst(), null));

		pending.flushCache();

		assertThat(this.sink.batches).containsExactly(List.of(new TagWrite("u1", Map.of("rt.version", "1"), 1)));
		assertThat(pending.users()).isZero();
	}

	@Test
	void sendsNothingTwice() {
		PendingTagWrites pending = pending(100);
		pending.add("u1", Map.of("rt.version", "1"), 1, null);

		pending.send();
		pending.send();
		pending.flush();

		assertThat(this.sink.sent).singleElement();
	}

	@Test
	void writesAtOnceWhenTooManyUsersArePending() {
		PendingTagWrites pending = pending(2);
		pending.add("u1", Map.of("rt.version", "1"), 1, null);
		assertThat(this.sink.sent).isEmpty();

		pending.add("u2", Map.of("rt.version", "1"), 1, null);

		assertThat(this.sink.sent).singleElement().satisfies((batch) -> assertThat(batch).hasSize(2));
		assertThat(pending.users()).isZero();
	}

	@Test
	void recordsEachEventsLatencyFromAcceptanceOnceItsWriteLanded() {
		PendingTagWrites pending = pending(100);
		pending.add("u1", Map.of("rt.version", "1"), 1, NOW.minusMillis(40));
		pending.add("u1", Map.of("rt.version", "2"), 2, NOW.minusMillis(10));
		assertThat(this.registry.get("pulsehub.stream.end.to.end.latency").timer().count()).isZero();

		pending.flush();

		assertThat(this.registry.get("pulsehub.stream.end.to.end.latency").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("pulsehub.stream.end.to.end.latency").timer().max(TimeUnit.MILLISECONDS))
			.isEqualTo(40);
	}

	@Test
	void keepsTheWritesWhenTheSinkGivesUpSoTheCommitFailsToo() {
		PendingTagWrites pending = pending(100);
		pending.add("u1", Map.of("rt.version", "1"), 1, null);
		this.sink.failing = true;

		assertThatExceptionOfType(TagsSinkUnavailableException.class).isThrownBy(pending::flush);
		assertThat(pending.users()).isEqualTo(1);
	}

	@Test
	void dropsWhatIsPendingOnCloseBecauseThoseEventsAreReplayed() {
		PendingTagWrites pending = pending(100);
		pending.add("u1", Map.of("rt.version", "1"), 1, null);

		pending.close();
		pending.flush();

		assertThat(this.sink.sent).isEmpty();
		assertThat(this.sink.batches).isEmpty();
		assertThat(pending.isOpen()).isFalse();
	}

	/**
	 * Records what is sent (pipelined) and what is written (waited for) separately; sends
	 * are answered at once unless told otherwise, then the test answers them.
	 */
	private static final class RecordingSink implements TagsSink {

		private final List<List<TagWrite>> sent = new ArrayList<>();

		private final List<CompletableFuture<SendOutcome>> answers = new ArrayList<>();

		private final List<List<TagWrite>> batches = new ArrayList<>();

		private boolean failing;

		private boolean answering = true;

		@Override
		public CompletableFuture<SendOutcome> send(Collection<TagWrite> writes) {
			this.sent.add(List.copyOf(writes));
			CompletableFuture<SendOutcome> answer = new CompletableFuture<>();
			this.answers.add(answer);
			if (this.answering) {
				answer.complete(this.failing ? new SendOutcome(List.copyOf(writes), null) : SendOutcome.LANDED);
			}
			return answer;
		}

		@Override
		public void write(Collection<TagWrite> writes) {
			if (this.failing) {
				throw new TagsSinkUnavailableException("Redis is down", null);
			}
			this.batches.add(List.copyOf(writes));
		}

	}

}
