/**
 * Cross-cutting beans of the profile service, used by several feature packages.
 */
package io.pulsehub.profile.config;
