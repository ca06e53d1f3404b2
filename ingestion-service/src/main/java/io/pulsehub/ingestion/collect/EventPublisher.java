package io.pulsehub.ingestion.collect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.events.UserActivityEvent;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Produces events to Kafka and waits, boundedly, for the broker's acknowledgement.
 * <p>
 * Waits are bounded three ways: at most {@code maxInFlight} requests wait at once (more
 * are refused at once), each waits at most {@code sendTimeout}, and while a circuit
 * breaker is open after repeated failures requests are refused without trying.
 */
final class EventPublisher {

	/** The circuit breaker's instance name in {@code resilience4j.circuitbreaker}. */
	static final String CIRCUIT_BREAKER = "kafka";

	private final DefaultKafkaProducerFactory<String, UserActivityEvent> producers;

	private final KafkaTemplate<String, UserActivityEvent> template;

	private final Topic<String, UserActivityEvent> topic;

	private final CircuitBreaker breaker;

	private final Semaphore inFlight;

	private final Duration sendTimeout;

	private final CollectMetrics metrics;

	EventPublisher(DefaultKafkaProducerFactory<String, UserActivityEvent> producers,
			Topic<String, UserActivityEvent> topic, CircuitBreaker breaker, CollectProperties properties,
			CollectMetrics metrics) {
		this.producers = producers;
		this.template = new KafkaTemplate<>(producers);
		this.topic = topic;
		this.breaker = breaker;
		this.inFlight = new Semaphore(properties.maxInFlight());
		this.sendTimeout = properties.sendTimeout();
		this.metrics = metrics;
	}

	/**
	 * Sends events keyed by user id and waits for their acknowledgements.
	 * @param events the events to send
	 * @return per event, whether Kafka acknowledged it
	 * @throws CollectProblem (503) when Kafka is known to be unavailable or too many
	 * requests are already waiting on it; nothing was sent then
	 */
	boolean[] publish(List<UserActivityEvent> events) {
		if (!this.inFlight.tryAcquire()) {
			throw CollectProblem.kafkaUnavailable("Too many requests are waiting on Kafka; nothing was accepted.",
					Duration.ofSeconds(1), List.of());
		}
		try {
			if (!this.breaker.tryAcquirePermission()) {
				throw CollectProblem.kafkaUnavailable("Kafka is unavailable; nothing was accepted.", retryAfter(),
						List.of());
			}
			long start = System.nanoTime();
			boolean[] acknowledged = sendAll(events, start);
			long elapsed = System.nanoTime() - start;
			if (allTrue(acknowledged)) {
				this.breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
				this.metrics.produced(Duration.ofNanos(elapsed));
			}
			else {
				this.breaker.onError(elapsed, TimeUnit.NANOSECONDS, new TimeoutException("not acknowledged"));
			}
			return acknowledged;
		}
		finally {
			this.inFlight.release();
		}
	}

	/** Closes the producer, flushing what it still holds. */
	void close() {
		this.producers.destroy();
	}

	/** How long a client should wait before retrying while Kafka is unavailable. */
	Duration retryAfter() {
		return Duration.ofMillis(this.breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
	}

	private boolean[] sendAll(List<UserActivityEvent> events, long start) {
		List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
		for (UserActivityEvent event : events) {
			try {
				sends.add(this.template.send(this.topic.name(), event.getUserId(), event));
			}
			catch (RuntimeException ex) {
				// e.g. no metadata within max.block.ms: the broker is unreachable
				sends.add(CompletableFuture.failedFuture(ex));
			}
		}
		long deadline = start + this.sendTimeout.toNanos();
		boolean[] acknowledged = new boolean[events.size()];
		for (int i = 0; i < sends.size(); i++) {
			acknowledged[i] = await(sends.get(i), deadline);
		}
		return acknowledged;
	}

	private boolean await(CompletableFuture<?> send, long deadline) {
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			this.metrics.kafkaError((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (TimeoutException ex) {
			this.metrics.kafkaError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.metrics.kafkaError(ex);
		}
		return false;
	}

	private static boolean allTrue(boolean[] values) {
		for (boolean value : values) {
			if (!value) {
				return false;
			}
		}
		return true;
	}

}
