/**
 * What callers get when a route's service is unavailable.
 */
package io.pulsehub.gateway.fallback;
