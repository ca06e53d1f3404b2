package io.pulsehub.sync.strategy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlushDeadlineTests {

	private static final long MS = 1_000_000L;

	private final FlushDeadline deadline = new FlushDeadline(Duration.ofMillis(500));

	@Test
	void isDueAfterTheWholeDelayBeforeAnyFlushWasTimed() {
		assertThat(this.deadline.due(-1, 0)).isFalse();
		assertThat(this.deadline.due(499 * MS, 0)).isFalse();
		assertThat(this.deadline.due(500 * MS, 0)).isTrue();
	}

	@Test
	void startsEarlierByTheLongestOfTheRecentFlushes() {
		this.deadline.flushed(100 * MS);
		assertThat(this.deadline.lead()).isEqualTo(100 * MS);
		assertThat(this.deadline.due(399 * MS, 0)).isFalse();
		assertThat(this.deadline.due(400 * MS, 0)).isTrue();
		this.deadline.flushed(180 * MS);
		assertThat(this.deadline.lead()).isEqualTo(180 * MS);
		// the slow one counts until it is no longer among the last RECENT
		for (int i = 1; i < FlushDeadline.RECENT; i++) {
			this.deadline.flushed(50 * MS);
		}
		assertThat(this.deadline.lead()).isEqualTo(180 * MS);
		this.deadline.flushed(50 * MS);
		assertThat(this.deadline.lead()).isEqualTo(50 * MS);
	}

	@Test
	void flushesAtEveryLookWhileRecentFlushesTookTheWholeDelay() {
		this.deadline.flushed(2_000 * MS);
		assertThat(this.deadline.lead()).isEqualTo(500 * MS);
		assertThat(this.deadline.due(0, 0)).isTrue();
		assertThat(this.deadline.due(-1, 0)).isFalse();
	}

	@Test
	void waitsAWholeDelayAfterAFailedFlush() {
		long failedAt = 1_000 * MS;
		this.deadline.failed(failedAt);
		assertThat(this.deadline.due(Long.MAX_VALUE, failedAt + 499 * MS)).isFalse();
		assertThat(this.deadline.due(Long.MAX_VALUE, failedAt + 500 * MS)).isTrue();
		this.deadline.flushed(10 * MS);
		assertThat(this.deadline.due(Long.MAX_VALUE, failedAt)).isTrue();
	}

	@Test
	void looksEveryTwentiethOfTheDelayWithinBounds() {
		assertThat(FlushDeadline.tick(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(25));
		assertThat(FlushDeadline.tick(Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(5));
		assertThat(FlushDeadline.tick(Duration.ofMinutes(10))).isEqualTo(Duration.ofMillis(50));
	}

}
