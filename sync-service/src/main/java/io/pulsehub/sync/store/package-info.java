/**
 * The two stores the sync moves profiles between: the Redis profile hashes (the truth at
 * the moment of a sync) and the MongoDB {@code user_profiles} documents, written with
 * version-guarded single-document upserts that never resurrect an erased user.
 */
package io.pulsehub.sync.store;
