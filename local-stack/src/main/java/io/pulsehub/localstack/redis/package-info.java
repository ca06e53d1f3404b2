/**
 * A real Redis 7 server process from the static binary that {@code embedded-redis} ships,
 * with an append-only file so its data survives restarts.
 */
package io.pulsehub.localstack.redis;
