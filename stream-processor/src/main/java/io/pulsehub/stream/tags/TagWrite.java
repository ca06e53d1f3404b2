package io.pulsehub.stream.tags;

import java.util.Map;

/**
 * One user's {@code rt.*} fields to set, and the namespace version they belong to.
 *
 * @param userId the user
 * @param fields the fields and their absolute values, {@code rt.version} among them
 * @param version the namespace version; a store holding a newer one ignores the write
 */
public record TagWrite(String userId, Map<String, String> fields, long version) {

	/**
	 * Copies the fields, so the write stays as it was when made.
	 * @param userId the user
	 * @param fields the fields
	 * @param version the version
	 */
	public TagWrite {
		fields = Map.copyOf(fields);
	}

}
