package io.pulsehub.points.query;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulsehub.points.datasource.ReplicaHealth;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * A read that finds the replica unreachable marks it down and is answered by the primary;
 * a read already on the primary is not retried.
 */
class PointsReaderTests {

	private final ReplicaHealth health = mock(ReplicaHealth.class);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final PointsReader reader = new PointsReader(this.health, this.registry);

	@Test
	void retriesOnThePrimaryWhenTheReplicaCannotBeReached() {
		given(this.health.isUp()).willReturn(true);
		AtomicInteger calls = new AtomicInteger();
		String result = this.reader.read(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new CannotGetJdbcConnectionException("Connection refused");
			}
			return "from primary";
		});
		assertThat(result).isEqualTo("from primary");
		assertThat(calls).hasValue(2);
		then(this.health).should().markDown(any());
		assertThat(this.registry.counter("pulsehub.points.reads", "route", "fallback").count()).isEqualTo(1);
	}

	@Test
	void doesNotRetryAReadThatFailedOnThePrimary() {
		given(this.health.isUp()).willReturn(false);
		assertThatExceptionOfType(CannotGetJdbcConnectionException.class).isThrownBy(() -> this.reader.read(() -> {
			throw new CannotGetJdbcConnectionException("Connection refused");
		}));
		then(this.health).should(never()).markDown(any());
	}

	@Test
	void countsReadsByRoute() {
		given(this.health.isUp()).willReturn(true);
		assertThat(this.reader.read(() -> 42)).isEqualTo(42);
		assertThat(this.registry.counter("pulsehub.points.reads", "route", "replica").count()).isEqualTo(1);
	}

}
