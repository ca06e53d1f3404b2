package io.pulsehub.sync.store;

import java.util.Map;

import io.pulsehub.contracts.profile.ProfileSection;

/**
 * One section of one user's profile to copy into MongoDB, with the version it has in
 * Redis.
 *
 * @param userId the user
 * @param section the section
 * @param version the section's version in Redis
 * @param fields the user's whole profile hash (the section's fields are taken from it)
 */
public record SectionWrite(String userId, ProfileSection section, long version, Map<String, String> fields) {

}
