/**
 * Authentication at the door: API keys for {@code /api/**}, the admin login for
 * {@code /admin/**} and actuator.
 */
package io.pulsehub.gateway.security;
