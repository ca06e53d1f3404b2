/**
 * How the apps authenticate to the Eureka registry.
 */
package io.pulsehub.mesh.discovery;
