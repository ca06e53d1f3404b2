/**
 * Per-API-key rate limiting at the gateway.
 */
package io.pulsehub.gateway.ratelimit;
