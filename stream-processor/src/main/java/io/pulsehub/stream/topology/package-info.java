/**
 * The Kafka Streams topology: parsing with dead-lettering, deduplication, device
 * classification, per-user tags and per-item trending, and its Spring wiring.
 */
package io.pulsehub.stream.topology;
