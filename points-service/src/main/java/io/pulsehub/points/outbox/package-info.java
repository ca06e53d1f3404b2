/**
 * The transactional outbox and its relay to Kafka.
 */
package io.pulsehub.points.outbox;
