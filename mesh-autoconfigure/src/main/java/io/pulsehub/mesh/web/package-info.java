/**
 * Request correlation for servlet apps.
 */
package io.pulsehub.mesh.web;
