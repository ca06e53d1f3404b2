package io.pulsehub.sync.store;

import java.util.Map;

/**
 * One user's Redis profile as read at one moment.
 *
 * @param userId the user
 * @param erased whether Redis holds the user's erasure tombstone
 * @param fields the profile hash; empty when absent or erased
 */
public record ProfileSnapshot(String userId, boolean erased, Map<String, String> fields) {

	public ProfileSnapshot {
		fields = Map.copyOf(fields);
	}

}
