/**
 * OpenAPI defaults shared by the services.
 */
package io.pulsehub.mesh.openapi;
