package io.pulsehub.points.ledger;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a command in its own transaction and, when the account changed concurrently, again
 * in a fresh one, a bounded number of times with a short jittered pause; then 409.
 */
class OptimisticRetry {

	private final TransactionTemplate transactions;

	private final int maxAttempts;

	private final Duration backoff;

	private final Counter conflicts;

	private final Counter exhausted;

	OptimisticRetry(TransactionTemplate transactions, LedgerProperties properties, MeterRegistry registry) {
		this.transactions = transactions;
		this.maxAttempts = properties.maxAttempts();
		this.backoff = properties.retryBackoff();
		this.conflicts = registry.counter("pulsehub.points.ledger.conflicts", "outcome", "retried");
		this.exhausted = registry.counter("pulsehub.points.ledger.conflicts", "outcome", "exhausted");
	}

	<T> T run(String userId, Supplier<T> command) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> command.get());
			}
			catch (ConcurrentChangeException ex) {
				if (attempt >= this.maxAttempts) {
					this.exhausted.increment();
					throw PointsProblem.concurrentModification(userId);
				}
				this.conflicts.increment();
				pause(attempt);
			}
		}
	}

	private void pause(int attempt) {
		long bound = Math.max(1, this.backoff.toNanos() * attempt);
		try {
			Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while retrying a points command", ex);
		}
	}

}
