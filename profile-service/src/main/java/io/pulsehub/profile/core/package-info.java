/**
 * The profile as every feature sees it: its fields (the Redis hash layout), the fused
 * view, the stores it lives in (Redis, MongoDB, the change topic) behind circuit
 * breakers, and the problems a request can meet. Features build on this package; it knows
 * none of them.
 */
package io.pulsehub.profile.core;
