package io.pulsehub.ingestion.archive;

import java.util.Map;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the archiver's batch failures are retried.
 * <p>
 * The default is the outage back-off: exponential, each wait capped, never giving up, so
 * anything that is not known to be a poison record (database down, an unexpected error)
 * is retried until it succeeds and nothing is dead-lettered for it. A
 * {@link PoisonRecordException} gets the bounded poison back-off and then the recoverer.
 * Between attempts the container is paused (its consumer keeps polling, heartbeating and
 * staying in the group) instead of the consumer thread sleeping.
 */
final class ArchiveBackOffs {

	private ArchiveBackOffs() {
	}

	static DefaultErrorHandler errorHandler(ArchiveProperties.Retry retry, ConsumerRecordRecoverer recoverer,
			TaskScheduler scheduler) {
		ContainerPausingBackOffHandler pausing = new ContainerPausingBackOffHandler(
				new ListenerContainerPauseService(null, scheduler));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, outage(retry), pausing);
		handler.setBackOffFunction((record, exception) -> isPoison(exception) ? poison(retry) : null);
		// Classification is ours (isPoison); Spring's default "fatal" exception list does
		// not apply to the exceptions this listener throws.
		handler.setClassifications(Map.of(), true);
		// Spring Kafka re-seeks the rest of a batch after a dead-lettered record by
		// throwing
		// an exception that the container logs at this level, with a stack trace; the
		// archiver already logs each dead letter and each outage attempt itself.
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

	static boolean isPoison(Throwable exception) {
		for (Throwable current = exception; current != null; current = current.getCause()) {
			if (current instanceof PoisonRecordException) {
				return true;
			}
			if (current instanceof ArchiveUnavailableException || current.getCause() == current) {
				return false;
			}
		}
		return false;
	}

	static BackOff outage(ArchiveProperties.Retry retry) {
		return exponential(retry);
	}

	static BackOff poison(ArchiveProperties.Retry retry) {
		ExponentialBackOff backOff = exponential(retry);
		backOff.setMaxAttempts(retry.poisonRetries());
		return backOff;
	}

	private static ExponentialBackOff exponential(ArchiveProperties.Retry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		return backOff;
	}

}
