package io.pulsehub.stream.tags;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What became of writes handed to a {@link TagsSink} without waiting.
 *
 * @param failed the writes that did not land (empty when all did)
 * @param cause why the last of them failed, or null when none did
 */
public record SendOutcome(List<TagWrite> failed, Throwable cause) {

	/**
	 * The longest wait for a batch's outcome; each Redis command times out by itself
	 * sooner ({@code spring.data.redis.timeout}), so this only bounds a batch.
	 */
	static final Duration MAX_WAIT = Duration.ofSeconds(5);

	/** Every write landed. */
	public static final SendOutcome LANDED = new SendOutcome(List.of(), null);

	/**
	 * Copies the failed writes.
	 * @param failed the writes that did not land
	 * @param cause why
	 */
	public SendOutcome {
		failed = List.copyOf(failed);
	}

	/**
	 * Whether every write landed.
	 * @return true when none failed
	 */
	public boolean landed() {
		return this.failed.isEmpty();
	}

	/**
	 * Waits for a send's outcome, at most {@link #MAX_WAIT}; what has not answered by
	 * then counts as failed.
	 * @param sent the writes sent
	 * @param outcome the send's outcome
	 * @return the outcome, or every write failed when it did not come in time
	 * @throws TagsSinkUnavailableException when interrupted while waiting
	 */
	static SendOutcome await(List<TagWrite> sent, CompletableFuture<SendOutcome> outcome) {
		try {
			return outcome.get(MAX_WAIT.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return new SendOutcome(sent, ex);
		}
		catch (ExecutionException ex) {
			return new SendOutcome(sent, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TagsSinkUnavailableException("Interrupted while waiting for Redis", ex);
		}
	}

}
