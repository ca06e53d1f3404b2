package io.pulsehub.ingestion.archive;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Decoding raw records into rows, and what makes a record poison.
 */
class EventDecoderTests {

	private final EventDecoder decoder = new EventDecoder();

	@Test
	void mapsEveryFieldToItsColumn() {
		UserActivityEvent event = UserActivityEvent.newBuilder()
			.setEventId("e-1")
			.setUserId("u-1")
			.setType(EventType.PURCHASE)
			.setOccurredAt(Timestamp.newBuilder().setSeconds(1_767_225_600L).setNanos(123_456_789))
			.setReceivedAt(Timestamp.newBuilder().setSeconds(1_767_225_601L))
			.setSessionId("s-1")
			.setItemId("i-1")
			.setPageUrl("https://shop.example/p/1")
			.setUserAgent("Mozilla/5.0")
			.setIp("203.0.113.0")
			.setAmountMinor(1999)
			.setCurrency("EUR")
			.putProperties("ref", "mail")
			.build();
		EventRow row = this.decoder.decode(record(bytes(event)), 0);
		assertThat(row).isEqualTo(new EventRow("e-1", "u-1", "PURCHASE", Instant.parse("2026-01-01T00:00:00.123456Z"),
				Instant.parse("2026-01-01T00:00:01Z"), "s-1", "i-1", "https://shop.example/p/1", "Mozilla/5.0",
				"203.0.113.0", 1999, "EUR", "{\"ref\":\"mail\"}", 3, 42, 1_000L));
	}

	@Test
	void storesAbsentOptionalFieldsAsNullAndAnUnknownTypeAsItsNumber() {
		UserActivityEvent event = UserActivityEvent.newBuilder()
			.setEventId("e-2")
			.setUserId("u-2")
			.setTypeValue(42)
			.setOccurredAt(Timestamp.newBuilder().setSeconds(1_767_225_600L))
			.build();
		EventRow row = this.decoder.decode(record(bytes(event)), 0);
		assertThat(row.eventType()).isEqualTo("42");
		assertThat(row.receivedAt()).isNull();
		assertThat(row.sessionId()).isNull();
		assertThat(row.currency()).isNull();
		assertThat(row.propertiesJson()).isEqualTo("{}");
	}

	@Test
	void refusesBytesThatAreNotAnEventAsUndecodable() {
		assertThatExceptionOfType(PoisonRecordException.class)
			.isThrownBy(() -> this.decoder.decode(record(new byte[] { 0x07, (byte) 0xff, 0x01 }), 5))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(PoisonRecordException.Reason.UNDECODABLE);
				assertThat(ex.getIndex()).isEqualTo(5);
				assertThat(ex.getMessage()).contains("user-activity-events-3@42");
			});
	}

	@Test
	void refusesEventsWithoutIdsOrEventTimeAsInvalidWithoutNamingTheUser() {
		UserActivityEvent valid = UserActivityEvent.newBuilder()
			.setEventId("e-3")
			.setUserId("secret-user")
			.setOccurredAt(Timestamp.newBuilder().setSeconds(1))
			.build();
		assertInvalid(valid.toBuilder().setEventId(" ").build(), "event_id is blank");
		assertInvalid(valid.toBuilder().setUserId("").build(), "user_id is blank");
		assertInvalid(valid.toBuilder().clearOccurredAt().build(), "occurred_at is missing");
		assertThatExceptionOfType(PoisonRecordException.class).isThrownBy(() -> this.decoder.decode(record(null), 0))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(PoisonRecordException.Reason.INVALID));
	}

	@Test
	void writesPropertiesAsEscapedJsonWithSortedKeys() {
		assertThat(EventDecoder.json(Map.of("b", "2", "a", "say \"hi\"\\\n\u0001")))
			.isEqualTo("{\"a\":\"say \\\"hi\\\"\\\\\\n\\u0001\",\"b\":\"2\"}");
		assertThat(EventDecoder.json(Map.of())).isEqualTo("{}");
	}

	private void assertInvalid(UserActivityEvent event, String problem) {
		assertThatExceptionOfType(PoisonRecordException.class)
			.isThrownBy(() -> this.decoder.decode(record(bytes(event)), 1))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(PoisonRecordException.Reason.INVALID);
				assertThat(ex.getMessage()).contains(problem).doesNotContain("secret-user");
			});
	}

	private static byte[] bytes(UserActivityEvent event) {
		return Topics.USER_ACTIVITY_EVENTS.valueSerde()
			.serializer()
			.serialize(Topics.USER_ACTIVITY_EVENTS.name(), event);
	}

	private static ConsumerRecord<String, byte[]> record(byte[] value) {
		return new ConsumerRecord<>(Topics.USER_ACTIVITY_EVENTS.name(), 3, 42, 1_000L, TimestampType.CREATE_TIME, 0, 0,
				"key", value, new RecordHeaders(), Optional.empty());
	}

}
