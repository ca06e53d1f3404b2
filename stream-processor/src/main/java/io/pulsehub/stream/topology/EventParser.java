package io.pulsehub.stream.topology;

import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads the source's raw bytes as events; a record that is not a usable event keeps its
 * bytes and gains dead-letter headers (reason, detail, origin), the same ones Spring
 * Kafka's recoverer writes, so one tool can inspect both services' dead letters.
 */
final class EventParser implements FixedKeyProcessor<String, byte[], ParsedEvent> {

	private static final String EMPTY = "empty";

	private static final String UNREADABLE = "unreadable";

	private static final String INVALID = "invalid";

	/** Why a record is refused, in the reason header and the dead-letter counter. */
	static final List<String> REASONS = List.of(EMPTY, UNREADABLE, INVALID);

	private final String applicationId;

	private FixedKeyProcessorContext<String, ParsedEvent> context;

	EventParser(String applicationId) {
		this.applicationId = applicationId;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, ParsedEvent> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, byte[]> record) {
		byte[] raw = record.value();
		if (raw == null) {
			reject(record, EMPTY, "the record has no value");
			return;
		}
		UserActivityEvent event;
		try {
			event = UserActivityEvent.parseFrom(raw);
		}
		catch (InvalidProtocolBufferException ex) {
			reject(record, UNREADABLE, "not a UserActivityEvent: " + ex.getMessage());
			return;
		}
		String problem = problemOf(event, record.key());
		if (problem != null) {
			reject(record, INVALID, problem);
			return;
		}
		this.context.forward(record.withValue(ParsedEvent.valid(event, raw)));
	}

	private static String problemOf(UserActivityEvent event, String key) {
		if (event.getEventId().isEmpty()) {
			return "event_id is missing";
		}
		if (event.getUserId().isEmpty()) {
			return "user_id is missing";
		}
		if (!event.getUserId().equals(key)) {
			return "the record key is not the event's user_id";
		}
		if (event.getType() == EventType.EVENT_TYPE_UNSPECIFIED || event.getType() == EventType.UNRECOGNIZED) {
			return "type is missing or unknown";
		}
		if (!event.hasOccurredAt()) {
			return "occurred_at is missing";
		}
		return null;
	}

	private void reject(FixedKeyRecord<String, byte[]> record, String reason, String detail) {
		Headers headers = record.headers();
		DeadLetterHeaders.addReason(headers, reason, detail, this.applicationId);
		this.context.recordMetadata()
			.ifPresent((origin) -> DeadLetterHeaders.addOrigin(headers, origin.topic(), origin.partition(),
					origin.offset()));
		byte[] raw = (record.value() != null) ? record.value() : new byte[0];
		this.context.forward(record.withValue(ParsedEvent.invalid(raw, reason)).withHeaders(headers));
	}

}
