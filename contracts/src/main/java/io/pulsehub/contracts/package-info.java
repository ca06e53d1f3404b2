/**
 * The event schemas and the typed topic catalogue every service shares; nothing else
 * belongs here. Services name a topic through {@link io.pulsehub.contracts.Topics} so a
 * typo or a serde mismatch is a compile error, not a silent empty consumer.
 */
package io.pulsehub.contracts;
