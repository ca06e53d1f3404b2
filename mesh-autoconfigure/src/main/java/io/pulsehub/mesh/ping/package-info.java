/**
 * The routing probe every service answers before its features exist.
 */
package io.pulsehub.mesh.ping;
