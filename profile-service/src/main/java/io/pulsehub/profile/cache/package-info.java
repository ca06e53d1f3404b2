/**
 * The in-process L1 profile cache: short-lived, and emptied of a user on every instance
 * as soon as a {@code ProfileChanged} for that user is seen on {@code profile-changes}.
 */
package io.pulsehub.profile.cache;
