/**
 * Request correlation for servlet apps, and the shape of every service's problem details.
 */
package io.pulsehub.mesh.web;
