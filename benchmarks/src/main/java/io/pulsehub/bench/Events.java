package io.pulsehub.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;

/**
 * The benchmark's events: the same realistic shape as JSON (for the API) and as Protobuf
 * (for the raw-producer ceiling), about 400 bytes of JSON each.
 */
final class Events {

	private static final List<String> TYPES = List.of("PAGE_VIEW", "PAGE_VIEW", "PAGE_VIEW", "IMPRESSION", "CLICK",
			"ADD_TO_CART", "SEARCH");

	private static final String AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	private Events() {
	}

	static String json(String runId) {
		return json(runId, "bench-user-" + ThreadLocalRandom.current().nextInt(10_000));
	}

	static String json(String runId, String userId) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String item = "item-" + random.nextInt(500);
		return "{\"eventId\":\"" + runId + "-" + UUID.randomUUID() + "\",\"userId\":\"" + userId + "\",\"type\":\""
				+ TYPES.get(random.nextInt(TYPES.size())) + "\",\"occurredAt\":\"" + Instant.now()
				+ "\",\"sessionId\":\"s-" + random.nextInt(50_000) + "\",\"itemId\":\"" + item
				+ "\",\"pageUrl\":\"https://shop.example/" + item + "\",\"userAgent\":\"" + AGENT
				+ "\",\"ip\":\"203.0.113." + random.nextInt(255) + "\"}";
	}

	static String batch(String runId, int size) {
		StringBuilder body = new StringBuilder("{\"events\":[");
		for (int i = 0; i < size; i++) {
			body.append((i > 0) ? "," : "").append(json(runId));
		}
		return body.append("]}").toString();
	}

	static UserActivityEvent proto(String runId) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String item = "item-" + random.nextInt(500);
		Instant now = Instant.now();
		Timestamp time = Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
		return UserActivityEvent.newBuilder()
			.setEventId(runId + "-" + UUID.randomUUID())
			.setUserId("bench-user-" + random.nextInt(10_000))
			.setType(EventType.valueOf(TYPES.get(random.nextInt(TYPES.size()))))
			.setOccurredAt(time)
			.setReceivedAt(time)
			.setSessionId("s-" + random.nextInt(50_000))
			.setItemId(item)
			.setPageUrl("https://shop.example/" + item)
			.setUserAgent(AGENT)
			.setIp("203.0.113.0")
			.build();
	}

}
