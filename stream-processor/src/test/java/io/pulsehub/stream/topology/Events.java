package io.pulsehub.stream.topology;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;

/**
 * Builds activity events for tests.
 */
final class Events {

	static final String CHROME_DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	private Events() {
	}

	static UserActivityEvent.Builder event(String userId, EventType type, Instant occurredAt) {
		return UserActivityEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setUserId(userId)
			.setType(type)
			.setOccurredAt(timestamp(occurredAt))
			.setReceivedAt(timestamp(occurredAt));
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

}
