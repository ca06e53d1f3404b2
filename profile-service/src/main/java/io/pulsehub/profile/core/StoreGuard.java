package io.pulsehub.profile.core;

import java.util.function.Supplier;

import com.mongodb.MongoException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.dao.DataAccessException;

/**
 * Runs store calls through the store's circuit breaker and turns the store's failures
 * (and an open breaker) into {@link StoreUnavailableException}. Timeouts are the clients'
 * own: Lettuce's command timeout, the MongoDB driver's socket and server-selection
 * timeouts.
 */
public final class StoreGuard {

	/** The Redis breaker's instance name in {@code resilience4j.circuitbreaker}. */
	public static final String REDIS = "redis";

	/** The MongoDB breaker's instance name in {@code resilience4j.circuitbreaker}. */
	public static final String MONGO = "mongo";

	private final String store;

	private final CircuitBreaker breaker;

	/**
	 * Creates a guard.
	 * @param store the store's name, also its breaker's ({@link #REDIS}, {@link #MONGO})
	 * @param breaker the breaker
	 */
	public StoreGuard(String store, CircuitBreaker breaker) {
		this.store = store;
		this.breaker = breaker;
	}

	/**
	 * Runs a store call.
	 * @param <T> the result type
	 * @param call the call
	 * @return its result
	 * @throws StoreUnavailableException when the store failed or the breaker is open
	 */
	public <T> T call(Supplier<T> call) {
		try {
			return this.breaker.executeSupplier(call);
		}
		catch (DataAccessException | MongoException | CallNotPermittedException ex) {
			throw new StoreUnavailableException(this.store, ex);
		}
	}

}
