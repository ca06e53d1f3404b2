/**
 * The Redis layout the profile's writers and readers share: key names, the
 * stream-processor's {@code rt.*} fields and the wire format of a windowed count. Like
 * the event schemas it is a contract between services, so it lives beside them rather
 * than in either service.
 */
package io.pulsehub.contracts.profile;
