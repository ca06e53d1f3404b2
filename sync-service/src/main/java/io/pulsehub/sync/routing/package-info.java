/**
 * The event-driven router: consumes {@code profile-changes}, matches each change against
 * the ordered rules of {@code pulsehub.sync.routing} (reloaded on config refresh),
 * applies the run-time overrides every instance reads from the compacted
 * {@code sync-route-overrides} topic, degrades to SCHEDULED while MongoDB is unhealthy,
 * and hands the change to its strategy. Also the route admin endpoints and their audit.
 */
package io.pulsehub.sync.routing;
