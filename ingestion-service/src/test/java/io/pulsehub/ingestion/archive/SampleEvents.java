package io.pulsehub.ingestion.archive;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;

/**
 * Events with every field set, at microsecond precision (what PostgreSQL keeps).
 */
final class SampleEvents {

	private SampleEvents() {
	}

	static UserActivityEvent event(String eventId, String userId, Instant occurredAt) {
		Instant occurred = occurredAt.truncatedTo(ChronoUnit.MICROS);
		return UserActivityEvent.newBuilder()
			.setEventId(eventId)
			.setUserId(userId)
			.setType(EventType.PURCHASE)
			.setOccurredAt(timestamp(occurred))
			.setReceivedAt(timestamp(occurred.plusMillis(1500)))
			.setSessionId("session-" + eventId)
			.setItemId("sku-42")
			.setPageUrl("https://shop.example/checkout?step=2")
			.setUserAgent("Mozilla/5.0 (X11; Linux x86_64)")
			.setIp("203.0.113.0")
			.setAmountMinor(4_999)
			.setCurrency("EUR")
			.putProperties("campaign", "spring \"sale\"")
			.putProperties("ref", "mail")
			.build();
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

}
