package io.pulsehub.ingestion.archive;

import java.time.Instant;

/**
 * One {@code activity_events} row: the event's fields as columns (empty proto strings as
 * {@code NULL}, times truncated to PostgreSQL's microseconds) and where Kafka had it.
 *
 * @param eventId the idempotency key
 * @param userId the user
 * @param eventType the {@code EventType} name, or its number when this build does not
 * know it
 * @param occurredAt the event time
 * @param receivedAt when ingestion accepted it, or {@code null}
 * @param sessionId the session
 * @param itemId the item
 * @param pageUrl the page
 * @param userAgent the user agent
 * @param ip the truncated IP address
 * @param amountMinor purchase amount in minor units
 * @param currency ISO 4217 code
 * @param propertiesJson the properties map as a JSON object
 * @param kafkaPartition the record's partition
 * @param kafkaOffset the record's offset
 * @param kafkaTimestamp the record's timestamp in epoch milliseconds
 */
record EventRow(String eventId, String userId, String eventType, Instant occurredAt, Instant receivedAt,
		String sessionId, String itemId, String pageUrl, String userAgent, String ip, long amountMinor, String currency,
		String propertiesJson, int kafkaPartition, long kafkaOffset, long kafkaTimestamp) {

}
