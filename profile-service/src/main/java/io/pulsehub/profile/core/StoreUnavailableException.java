package io.pulsehub.profile.core;

/**
 * A store (Redis, MongoDB or Kafka) failed, did not answer in time, or its circuit
 * breaker is open.
 */
public final class StoreUnavailableException extends RuntimeException {

	private final String store;

	StoreUnavailableException(String store, Throwable cause) {
		super(store + " unavailable: " + cause.getMessage(), cause);
		this.store = store;
	}

	/**
	 * Which store failed.
	 * @return {@code redis}, {@code mongo} or {@code kafka}
	 */
	public String store() {
		return this.store;
	}

}
