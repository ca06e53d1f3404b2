/**
 * Load measurements of the points service, run on purpose, never by the build.
 */
package io.pulsehub.points.bench;
