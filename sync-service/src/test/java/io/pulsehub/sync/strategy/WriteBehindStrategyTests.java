package io.pulsehub.sync.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulsehub.contracts.profile.ProfileSection;
import io.pulsehub.sync.store.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who flushes a full buffer: the flusher thread, so the consumer goes on while a flush is
 * in flight; the consumer itself only at the buffer's bound (twice the batch).
 */
class WriteBehindStrategyTests {

	private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<Set<String>> written = new CopyOnWriteArrayList<>();

	private final List<Long> committed = new CopyOnWriteArrayList<>();

	private final WriteBehindStrategy strategy = new WriteBehindStrategy(new WriteBehindBuffer(), new HeldSync(),
			new DirtyUsers(null), new SyncMetrics(new SimpleMeterRegistry()), new SchedulingProperties(2,
					Duration.ofMinutes(10), true, Duration.ofSeconds(1), 500, Duration.ofSeconds(10)));

	@AfterEach
	void stop() {
		this.release.countDown();
		this.strategy.stop();
	}

	@Test
	void theConsumerGoesOnWhileAFlushIsInFlightAndWaitsOnlyAtTheBound() throws Exception {
		this.strategy.start();
		acceptsAtOnce(change("u-1", 1));
		acceptsAtOnce(change("u-2", 2));
		awaitWritten(1);
		// the first flush (u-1, u-2) is held in MongoDB; more changes fill the batch
		// again
		acceptsAtOnce(change("u-3", 3));
		acceptsAtOnce(change("u-4", 4));
		acceptsAtOnce(change("u-5", 5));
		CompletableFuture<Void> atBound = CompletableFuture.runAsync(() -> this.strategy.accept(change("u-6", 6)));
		Thread.sleep(200);
		assertThat(atBound).isNotDone();
		assertThat(this.written).containsExactly(Set.of("u-1", "u-2"));

		this.release.countDown();
		atBound.get(10, TimeUnit.SECONDS);
		awaitWritten(2);
		assertThat(this.written).containsExactly(Set.of("u-1", "u-2"), Set.of("u-3", "u-4", "u-5", "u-6"));
		assertThat(this.committed).containsExactly(2L, 6L);
	}

	/** The consumer hands the change over without waiting for a flush. */
	private void acceptsAtOnce(PendingChange change) throws Exception {
		CompletableFuture.runAsync(() -> this.strategy.accept(change)).get(5, TimeUnit.SECONDS);
	}

	private void awaitWritten(int flushes) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.written.size() < flushes && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.written).hasSize(flushes);
	}

	private PendingChange change(String user, long offset) {
		return new PendingChange(user, ProfileSection.REALTIME, T0,
				new ChangeOffset("p-0", offset, () -> this.committed.add(offset)));
	}

	/** A sync that records what it wrote; the first write is held until released. */
	private final class HeldSync extends ProfileSync {

		HeldSync() {
			super(null, null, new SyncMetrics(new SimpleMeterRegistry()));
		}

		@Override
		public WriteResult sync(Map<String, Set<ProfileSection>> sections, Map<String, Instant> changedAt,
				StrategyName strategy) {
			WriteBehindStrategyTests.this.written.add(Set.copyOf(sections.keySet()));
			if (WriteBehindStrategyTests.this.written.size() == 1) {
				try {
					WriteBehindStrategyTests.this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return new WriteResult(sections.size(), 0, Set.of());
		}

	}

}
