package io.pulsehub.sync.strategy;

import java.time.Instant;

import io.pulsehub.contracts.profile.ProfileSection;

/**
 * A profile change handed to a strategy.
 *
 * @param userId the user
 * @param section the section that changed
 * @param changedAt when Redis changed (the start of the sync lag)
 * @param offset where it was read
 */
public record PendingChange(String userId, ProfileSection section, Instant changedAt, ChangeOffset offset) {

}
