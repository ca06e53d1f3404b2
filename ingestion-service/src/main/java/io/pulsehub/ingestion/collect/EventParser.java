package io.pulsehub.ingestion.collect;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns one JSON event into a {@link UserActivityEvent}, or lists everything wrong with
 * it. The accepted JSON is documented by {@link EventJson}.
 */
final class EventParser {

	/** Letters, digits and {@code . _ : @ + -}; starts with a letter or digit. */
	static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}");

	/** Letters, digits and {@code . _ : -}; starts with a letter or digit. */
	static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

	static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

	static final Set<String> FIELDS = Set.of("eventId", "userId", "type", "occurredAt", "sessionId", "itemId",
			"pageUrl", "userAgent", "ip", "amountMinor", "currency", "properties");

	private static final Set<String> TYPES = Arrays.stream(EventType.values())
		.filter((type) -> type != EventType.EVENT_TYPE_UNSPECIFIED && type != EventType.UNRECOGNIZED)
		.map(Enum::name)
		.collect(Collectors.toUnmodifiableSet());

	private static final String ALLOWED_TYPES = "must be one of " + TYPES.stream().sorted().toList();

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

	private final CollectProperties limits;

	private final Clock clock;

	EventParser(CollectProperties limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Validates one event.
	 * @param node the event's JSON
	 * @param requestIp the caller's address, used when the event names no {@code ip}
	 * @return the event or its errors
	 */
	ParsedEvent parse(JsonNode node, @Nullable String requestIp) {
		if (!node.isObject()) {
			return new ParsedEvent(null, null, "unknown",
					List.of(new EventError(null, "invalid", "an event must be a JSON object")));
		}
		JsonFields fields = new JsonFields(node);
		node.propertyNames()
			.stream()
			.filter((name) -> !FIELDS.contains(name))
			.sorted()
			.forEach((name) -> fields.reject(
					new EventError(name, "unknown_field", "is not an event field (free data belongs in properties)")));
		String eventId = fields.optionalString("eventId", 64, EVENT_ID, "letters, digits and . _ : -");
		Instant now = this.clock.instant();
		UserActivityEvent.Builder event = UserActivityEvent.newBuilder()
			.setEventId((eventId != null) ? eventId : UUID.randomUUID().toString())
			.setReceivedAt(timestamp(now));
		String userId = fields.requiredString("userId", 128, USER_ID, "letters, digits and . _ : @ + -");
		if (userId != null) {
			event.setUserId(userId);
		}
		String type = type(fields, event);
		event.setOccurredAt(timestamp(occurredAt(fields, now)));
		copyText(fields, event);
		ip(fields, event, requestIp);
		amount(fields, event);
		properties(node.get("properties"), fields, event);
		if (!fields.errors().isEmpty()) {
			return new ParsedEvent(null, eventId, type, List.copyOf(fields.errors()));
		}
		return new ParsedEvent(event.build(), event.getEventId(), type, List.of());
	}

	private String type(JsonFields fields, UserActivityEvent.Builder event) {
		String type = fields.optionalString("type", 32);
		if (type == null) {
			fields.reject(EventError.missing("type"));
			return "unknown";
		}
		if (!TYPES.contains(type)) {
			fields.reject(EventError.invalid("type", ALLOWED_TYPES));
			return "unknown";
		}
		event.setType(EventType.valueOf(type));
		return type;
	}

	private Instant occurredAt(JsonFields fields, Instant now) {
		String text = fields.optionalString("occurredAt", 64);
		if (text == null) {
			return now;
		}
		Instant occurredAt;
		try {
			occurredAt = OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			fields.reject(EventError.invalid("occurredAt",
					"must be an ISO-8601 date-time with offset, e.g. " + "2026-11-23T08:15:30Z"));
			return now;
		}
		if (occurredAt.isAfter(now.plus(this.limits.futureTolerance()))) {
			fields.reject(new EventError("occurredAt", "in_future",
					"is more than " + this.limits.futureTolerance().toMinutes() + " minutes in the future"));
		}
		else if (occurredAt.isBefore(now.minus(this.limits.horizon()))) {
			fields.reject(new EventError("occurredAt", "too_old",
					"is older than the " + this.limits.horizon().toDays() + "-day horizon"));
		}
		return occurredAt;
	}

	private void copyText(JsonFields fields, UserActivityEvent.Builder event) {
		String sessionId = fields.optionalString("sessionId", 128);
		String itemId = fields.optionalString("itemId", 128);
		String pageUrl = fields.optionalString("pageUrl", 2048);
		String userAgent = fields.optionalString("userAgent", 1024);
		if (sessionId != null) {
			event.setSessionId(sessionId);
		}
		if (itemId != null) {
			event.setItemId(itemId);
		}
		if (pageUrl != null) {
			event.setPageUrl(pageUrl);
		}
		if (userAgent != null) {
			event.setUserAgent(userAgent);
		}
	}

	private void ip(JsonFields fields, UserActivityEvent.Builder event, @Nullable String requestIp) {
		String sent = fields.optionalString("ip", 64);
		if (sent != null) {
			try {
				event.setIp(TruncatedIp.of(sent));
			}
			catch (IllegalArgumentException ex) {
				fields.reject(EventError.invalid("ip", "must be an IPv4 or IPv6 address"));
			}
		}
		else if (requestIp != null) {
			try {
				event.setIp(TruncatedIp.of(requestIp));
			}
			catch (IllegalArgumentException ex) {
				// an unusual peer address (a socket name) is not the client's fault
			}
		}
	}

	private void amount(JsonFields fields, UserActivityEvent.Builder event) {
		Long amount = fields.optionalLong("amountMinor");
		String currency = fields.optionalString("currency", 3);
		boolean purchase = event.getType() == EventType.PURCHASE;
		if (amount == null && purchase && fields.errors().stream().noneMatch((e) -> "amountMinor".equals(e.field()))) {
			fields.reject(new EventError("amountMinor", "missing", "is required for a PURCHASE"));
		}
		if (amount != null && amount < 0) {
			fields.reject(EventError.invalid("amountMinor", "must not be negative"));
		}
		if (currency == null && (purchase || amount != null)
				&& fields.errors().stream().noneMatch((e) -> "currency".equals(e.field()))) {
			fields.reject(new EventError("currency", "missing", "is required with an amount"));
		}
		if (currency != null && !isIsoCurrency(currency)) {
			fields.reject(EventError.invalid("currency", "must be an ISO 4217 code such as EUR or USD"));
		}
		if (amount != null && amount >= 0) {
			event.setAmountMinor(amount);
		}
		if (currency != null) {
			event.setCurrency(currency);
		}
	}

	private void properties(@Nullable JsonNode properties, JsonFields fields, UserActivityEvent.Builder event) {
		if (properties == null || properties.isNull()) {
			return;
		}
		if (!properties.isObject()) {
			fields.reject(EventError.invalid("properties", "must be an object of names to text, number or boolean"));
			return;
		}
		if (properties.size() > this.limits.maxProperties()) {
			fields.reject(new EventError("properties", "too_many",
					"may hold at most " + this.limits.maxProperties() + " entries"));
			return;
		}
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			String field = "properties." + property.getKey();
			JsonNode value = property.getValue();
			if (!PROPERTY_KEY.matcher(property.getKey()).matches()) {
				fields.reject(EventError.invalid(field,
						"names start with a letter and contain only letters, " + "digits and _ . - (at most 64)"));
			}
			else if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
				fields.reject(EventError.invalid(field, "must be text, a number or a boolean"));
			}
			else if (value.asString().length() > this.limits.maxPropertyValueLength()) {
				fields.reject(EventError.tooLong(field, this.limits.maxPropertyValueLength()));
			}
			else {
				event.putProperties(property.getKey(), value.asString());
			}
		}
	}

	private static boolean isIsoCurrency(String code) {
		if (!CURRENCY_CODE.matcher(code).matches()) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

}
