package io.pulsehub.stream.tags;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where a user's changed tags go: the Redis profile hash in production. Writes carry
 * absolute values and the namespace version; the store ignores a write older than what it
 * holds, so sending one twice is harmless.
 */
public interface TagsSink {

	/**
	 * Sends a write without waiting for it.
	 * @param userId the user
	 * @param fields the {@code rt.*} fields and their values, {@code rt.version} among
	 * them
	 * @param version the namespace version the fields belong to
	 * @return completes when the store has applied (or skipped) the write, exceptionally
	 * when it failed
	 */
	CompletableFuture<Void> send(String userId, Map<String, String> fields, long version);

	/**
	 * Writes and waits, retrying while the store is unreachable.
	 * @param userId the user
	 * @param fields the {@code rt.*} fields and their values, {@code rt.version} among
	 * them
	 * @param version the namespace version the fields belong to
	 * @throws TagsSinkUnavailableException when the store stayed unreachable for the
	 * whole retry budget
	 */
	void write(String userId, Map<String, String> fields, long version);

}
