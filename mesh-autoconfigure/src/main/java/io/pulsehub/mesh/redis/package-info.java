/**
 * Lettuce behaviour every Redis client of the mesh shares.
 */
package io.pulsehub.mesh.redis;
