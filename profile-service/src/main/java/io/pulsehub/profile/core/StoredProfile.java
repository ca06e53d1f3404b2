package io.pulsehub.profile.core;

import java.util.Map;

/**
 * What a store holds for a user: their fields, nothing, or an erasure tombstone.
 *
 * @param erased whether the user was erased (the fields are then empty)
 * @param fields the fields; empty when the store has none
 */
public record StoredProfile(boolean erased, ProfileFields fields) {

	static final StoredProfile ERASED = new StoredProfile(true, new ProfileFields(Map.of()));

	static final StoredProfile ABSENT = new StoredProfile(false, new ProfileFields(Map.of()));

	/**
	 * Whether there is a profile to answer.
	 * @return true when not erased and not empty
	 */
	public boolean found() {
		return !this.erased && !this.fields.isEmpty();
	}

}
