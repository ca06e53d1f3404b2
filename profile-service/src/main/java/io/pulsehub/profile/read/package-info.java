/**
 * {@code GET /api/v1/profiles/{userId}}: the fused profile through L1 (Caffeine), L2
 * (Redis) and L3 (MongoDB, re-warming Redis), with entity tags and start-up prewarming.
 */
package io.pulsehub.profile.read;
