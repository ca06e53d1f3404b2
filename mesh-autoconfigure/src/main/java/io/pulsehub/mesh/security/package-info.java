/**
 * Mesh security for servlet apps: admin login, actuator exposure rules and the
 * gateway-signed internal call credential.
 */
package io.pulsehub.mesh.security;
