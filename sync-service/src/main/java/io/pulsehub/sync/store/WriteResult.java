package io.pulsehub.sync.store;

import java.util.Set;

/**
 * What a batch of section writes did.
 *
 * @param written sections MongoDB took
 * @param stale sections MongoDB already had at the same or a newer version
 * @param erasedUsers users found erased after the write, whose documents were deleted
 * again
 */
public record WriteResult(int written, int stale, Set<String> erasedUsers) {

	/** Nothing written. */
	public static final WriteResult NONE = new WriteResult(0, 0, Set.of());

}
