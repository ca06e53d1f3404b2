/**
 * The event schemas and the typed topic catalogue every service shares; nothing else
 * belongs here. Empty until the event contract lands.
 */
package io.pulsehub.contracts;
