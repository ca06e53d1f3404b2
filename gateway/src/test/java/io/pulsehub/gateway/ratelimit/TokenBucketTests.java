package io.pulsehub.gateway.ratelimit;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	@Test
	void allowsABurstThenTellsHowLongToWait() {
		TokenBucket bucket = new TokenBucket(3, 10, 0);
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isEqualTo(SECOND / 10);
	}

	@Test
	void refillsAtTheConfiguredRateUpToCapacity() {
		TokenBucket bucket = new TokenBucket(2, 1, 0);
		bucket.take(0);
		bucket.take(0);
		assertThat(bucket.take(SECOND / 2)).isPositive();
		assertThat(bucket.take(SECOND)).isZero();
		long muchLater = 100 * SECOND;
		assertThat(bucket.take(muchLater)).isZero();
		assertThat(bucket.take(muchLater)).isZero();
		assertThat(bucket.take(muchLater)).isPositive();
	}

}
