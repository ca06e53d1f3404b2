package io.pulsehub.stream.tags;

import java.util.Map;

/**
 * Where a user's changed tags go: the Redis profile hash in production.
 */
public interface TagsSink {

	/**
	 * Writes absolute field values unless the stored namespace is already newer, retrying
	 * while the store is unreachable.
	 * @param userId the user
	 * @param fields the {@code rt.*} fields and their values, {@code rt.version} among
	 * them
	 * @param version the namespace version the fields belong to
	 * @throws TagsSinkUnavailableException when the store stayed unreachable for the
	 * whole retry budget
	 */
	void write(String userId, Map<String, String> fields, long version);

}
