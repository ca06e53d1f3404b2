package io.pulsehub.ingestion.archive;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import org.springframework.kafka.support.KafkaUtils;

/**
 * Turns a raw {@code user-activity-events} record into an {@link EventRow} with the
 * catalogue's deserializer, or says why it is poison.
 * <p>
 * Messages name the record ({@code topic-partition@offset}) and the event id, never the
 * user id or other field values.
 */
final class EventDecoder {

	private final Deserializer<UserActivityEvent> deserializer = Topics.USER_ACTIVITY_EVENTS.valueSerde()
		.deserializer();

	/**
	 * Decodes and validates one record.
	 * @param record the raw record
	 * @param index its index in the batch
	 * @return the row to archive
	 * @throws PoisonRecordException if the record can never be archived
	 */
	EventRow decode(ConsumerRecord<String, byte[]> record, int index) {
		UserActivityEvent event = parse(record, index);
		String problem = problem(event);
		if (problem != null) {
			throw new PoisonRecordException(PoisonRecordException.Reason.INVALID,
					"Invalid event " + KafkaUtils.format(record) + ": " + problem, index);
		}
		return new EventRow(event.getEventId(), event.getUserId(), typeName(event), instant(event.getOccurredAt()),
				event.hasReceivedAt() ? instant(event.getReceivedAt()) : null, orNull(event.getSessionId()),
				orNull(event.getItemId()), orNull(event.getPageUrl()), orNull(event.getUserAgent()),
				orNull(event.getIp()), event.getAmountMinor(), orNull(event.getCurrency()),
				json(event.getPropertiesMap()), record.partition(), record.offset(), record.timestamp());
	}

	private UserActivityEvent parse(ConsumerRecord<String, byte[]> record, int index) {
		if (record.value() == null) {
			throw new PoisonRecordException(PoisonRecordException.Reason.INVALID,
					"No value (tombstone) at " + KafkaUtils.format(record), index);
		}
		try {
			return this.deserializer.deserialize(record.topic(), record.headers(), record.value());
		}
		catch (SerializationException ex) {
			throw new PoisonRecordException(PoisonRecordException.Reason.UNDECODABLE,
					"Undecodable value at " + KafkaUtils.format(record) + ": " + ex.getMessage(), ex, index);
		}
	}

	private static String problem(UserActivityEvent event) {
		if (event.getEventId().isBlank()) {
			return "event_id is blank";
		}
		if (event.getUserId().isBlank()) {
			return "user_id is blank (event " + event.getEventId() + ")";
		}
		if (!event.hasOccurredAt()) {
			return "occurred_at is missing (event " + event.getEventId() + ")";
		}
		return null;
	}

	private static String typeName(UserActivityEvent event) {
		EventType type = event.getType();
		return (type == EventType.UNRECOGNIZED) ? Integer.toString(event.getTypeValue()) : type.name();
	}

	static Instant instant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).truncatedTo(ChronoUnit.MICROS);
	}

	private static String orNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * The properties as a JSON object with sorted keys.
	 * @param properties the map
	 * @return the JSON text
	 */
	static String json(Map<String, String> properties) {
		StringBuilder json = new StringBuilder(16 + properties.size() * 32).append('{');
		for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
			if (json.length() > 1) {
				json.append(',');
			}
			appendString(json, entry.getKey()).append(':');
			appendString(json, entry.getValue());
		}
		return json.append('}').toString();
	}

	private static StringBuilder appendString(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

}
