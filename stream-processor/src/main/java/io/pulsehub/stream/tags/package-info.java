/**
 * Per-user real-time tags: lifetime totals, first/last seen, last device and windowed
 * counts, kept in a changelogged state store and written to the {@code rt.*} namespace of
 * the Redis profile with version-guarded absolute values.
 */
package io.pulsehub.stream.tags;
