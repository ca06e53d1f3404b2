/**
 * {@code PATCH /api/v1/profiles/{userId}/attributes}: JSON merge patches of the
 * {@code attr.*} namespace, written atomically to Redis and announced as
 * {@code ProfileChanged} (ATTRIBUTES).
 */
package io.pulsehub.profile.attributes;
