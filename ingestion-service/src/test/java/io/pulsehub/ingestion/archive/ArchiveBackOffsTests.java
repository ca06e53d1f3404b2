package io.pulsehub.ingestion.archive;

import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded retries for poison records, unbounded capped retries for everything else.
 */
class ArchiveBackOffsTests {

	private static final ArchiveProperties.Retry RETRY = new ArchiveProperties.Retry(Duration.ofMillis(500), 2.0,
			Duration.ofSeconds(30), 2);

	@Test
	void retriesAPoisonRecordABoundedNumberOfTimesWithGrowingWaits() {
		BackOffExecution execution = ArchiveBackOffs.poison(RETRY).start();
		assertThat(execution.nextBackOff()).isEqualTo(500);
		assertThat(execution.nextBackOff()).isEqualTo(1000);
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void retriesAnOutageForeverWithWaitsCappedAtTheMaximum() {
		BackOffExecution execution = ArchiveBackOffs.outage(RETRY).start();
		long last = 0;
		for (int attempt = 0; attempt < 10_000; attempt++) {
			last = execution.nextBackOff();
			assertThat(last).isNotEqualTo(BackOffExecution.STOP);
		}
		assertThat(last).isEqualTo(30_000);
	}

	@Test
	void recognisesPoisonThroughTheContainersWrapper() {
		PoisonRecordException poison = new PoisonRecordException(PoisonRecordException.Reason.INVALID, "blank", 3);
		assertThat(ArchiveBackOffs.isPoison(new ListenerExecutionFailedException("Listener failed", poison))).isTrue();
		assertThat(ArchiveBackOffs.isPoison(poison)).isTrue();
		assertThat(DeadLetterPublisher.reason(poison)).isEqualTo("invalid");
	}

	@Test
	void neverTreatsAnOutageOrAnUnexpectedFailureAsPoison() {
		ArchiveUnavailableException outage = new ArchiveUnavailableException("down",
				new SQLException("refused", "08001"));
		assertThat(ArchiveBackOffs.isPoison(new ListenerExecutionFailedException("Listener failed", outage))).isFalse();
		assertThat(ArchiveBackOffs.isPoison(new IllegalStateException("bug"))).isFalse();
		assertThat(DeadLetterPublisher.reason(new IllegalStateException("bug"))).isEqualTo("other");
	}

}
