package io.pulsehub.points.outbox;

/**
 * One unsent outbox row.
 *
 * @param id the row id; relay order
 * @param topic the Kafka topic
 * @param key the record key
 * @param payload the serialized value
 */
record OutboxMessage(long id, String topic, String key, byte[] payload) {

}
