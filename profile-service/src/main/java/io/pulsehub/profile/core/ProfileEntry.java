package io.pulsehub.profile.core;

/**
 * A user's fields as one store holds them.
 *
 * @param userId the user
 * @param fields the fields
 */
public record ProfileEntry(String userId, ProfileFields fields) {

}
