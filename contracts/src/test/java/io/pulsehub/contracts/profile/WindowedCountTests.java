package io.pulsehub.contracts.profile;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WindowedCountTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:05Z");

	private final WindowedCount fiveMinutes = WindowedCount.empty(Duration.ofMinutes(5), Duration.ofSeconds(10));

	@Test
	void countsEventsWithinTheWindowAtReadTime() {
		WindowedCount count = this.fiveMinutes.plus(T0, 1, T0).plus(T0.plusSeconds(30), 2, T0.plusSeconds(30));

		assertThat(count.valueAt(T0.plusSeconds(30))).isEqualTo(3);
		assertThat(count.valueAt(T0.plusSeconds(200))).isEqualTo(3);
	}

	@Test
	void readsZeroOnceTheWindowHasPassedWithoutNewEvents() {
		WindowedCount count = this.fiveMinutes.plus(T0, 3, T0);

		assertThat(count.valueAt(T0.plus(Duration.ofMinutes(5)).minusSeconds(6))).isEqualTo(3);
		assertThat(count.valueAt(T0.plus(Duration.ofMinutes(5)))).isZero();
		assertThat(count.valueAt(T0.plus(Duration.ofMinutes(10)))).isZero();
	}

	@Test
	void dropsAnEventAtMostOneBucketBeforeItsWindowEnds() {
		Instant lateInBucket = Instant.parse("2026-11-23T10:00:09Z");
		WindowedCount count = this.fiveMinutes.plus(lateInBucket, 1, lateInBucket);

		assertThat(count.valueAt(Instant.parse("2026-11-23T10:05:00Z"))).isEqualTo(1);
		assertThat(count.valueAt(Instant.parse("2026-11-23T10:05:01Z"))).isZero();
	}

	@Test
	void countsALateEventInItsOwnBucketWhileThatStillCounts() {
		Instant now = T0.plusSeconds(120);
		WindowedCount count = this.fiveMinutes.plus(now, 1, now).plus(T0, 1, now);

		assertThat(count.counts()).containsOnlyKeys(Instant.parse("2026-11-23T10:00:00Z").getEpochSecond(),
				Instant.parse("2026-11-23T10:02:00Z").getEpochSecond());
		assertThat(count.valueAt(now)).isEqualTo(2);
	}

	@Test
	void ignoresAnEventOlderThanTheWindow() {
		Instant now = T0.plus(Duration.ofMinutes(6));
		WindowedCount count = this.fiveMinutes.plus(T0, 1, now);

		assertThat(count.counts(T0, now)).isFalse();
		assertThat(count.counts()).isEmpty();
	}

	@Test
	void prunesBucketsThatNoLongerCountWhenAdding() {
		Instant later = T0.plus(Duration.ofMinutes(20));
		WindowedCount count = this.fiveMinutes.plus(T0, 5, T0).plus(later, 1, later);

		assertThat(count.counts()).hasSize(1);
	}

	@Test
	void roundTripsThroughItsWireFormat() {
		WindowedCount count = this.fiveMinutes.plus(T0, 2, T0).plus(T0.plusSeconds(10), 1, T0.plusSeconds(10));

		String encoded = count.encode();

		assertThat(encoded).isEqualTo("300/10|1795428000:2,1795428010:1");
		assertThat(WindowedCount.decode(encoded)).isEqualTo(count);
		assertThat(WindowedCount.decode(this.fiveMinutes.encode())).isEqualTo(this.fiveMinutes);
	}

	@Test
	void refusesTextThatIsNotAWindowedCount() {
		assertThatIllegalArgumentException().isThrownBy(() -> WindowedCount.decode("17"));
		assertThatIllegalArgumentException().isThrownBy(() -> WindowedCount.decode("300/10|x:1"));
		assertThatIllegalArgumentException().isThrownBy(() -> WindowedCount.decode("300/7|"));
	}

}
