package io.pulsehub.ingestion.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class EventParserTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventParser parser = new EventParser(new CollectProperties(500, DataSize.ofMegabytes(1),
			Duration.ofMinutes(5), Duration.ofDays(30), 3, 16, Duration.ofSeconds(8), 10),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void mapsEveryFieldOfAValidEvent() {
		ParsedEvent parsed = parse("""
				{"eventId":"e-1","userId":"user@example.com","type":"PURCHASE","occurredAt":"2026-11-23T11:55:00+02:00",
				 "sessionId":"s","itemId":"i","pageUrl":"https://x","userAgent":"ua","ip":"198.51.100.200",
				 "amountMinor":0,"currency":"JPY","properties":{"a":"x","n":1.5,"b":true}}""");
		assertThat(parsed.errors()).isEmpty();
		UserActivityEvent event = parsed.event();
		assertThat(event.getEventId()).isEqualTo("e-1");
		assertThat(event.getUserId()).isEqualTo("user@example.com");
		assertThat(event.getType()).isEqualTo(EventType.PURCHASE);
		assertThat(event.getOccurredAt().getSeconds())
			.isEqualTo(Instant.parse("2026-11-23T09:55:00Z").getEpochSecond());
		assertThat(event.getReceivedAt().getSeconds()).isEqualTo(NOW.getEpochSecond());
		assertThat(event.getIp()).isEqualTo("198.51.100.0");
		assertThat(event.getAmountMinor()).isZero();
		assertThat(event.getCurrency()).isEqualTo("JPY");
		assertThat(event.getPropertiesMap()).containsEntry("a", "x")
			.containsEntry("n", "1.5")
			.containsEntry("b", "true");
	}

	@Test
	void generatesAnEventIdAndTakesTheReceiveTimeWhenAbsent() {
		ParsedEvent parsed = parse("{\"userId\":\"u\",\"type\":\"LOGIN\"}");
		assertThat(parsed.eventId()).isNotBlank().isEqualTo(parsed.event().getEventId());
		assertThat(parsed.event().getOccurredAt().getSeconds()).isEqualTo(NOW.getEpochSecond());
		assertThat(parsed.event().getIp()).isEqualTo("192.0.2.0");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					missing user id             | {"type":"CLICK"}                                          | userId.missing
					blank user id               | {"userId":"  ","type":"CLICK"}                            | userId.missing
					user id not a string        | {"userId":42,"type":"CLICK"}                              | userId.invalid
					user id with a space        | {"userId":"a b","type":"CLICK"}                           | userId.invalid
					user id too long            | {"userId":"%s","type":"CLICK"}                            | userId.too_long
					unknown type                | {"userId":"u","type":"TELEPORT"}                          | type.invalid
					unspecified type            | {"userId":"u","type":"EVENT_TYPE_UNSPECIFIED"}            | type.invalid
					missing type                | {"userId":"u"}                                            | type.missing
					occurred in the future      | {"userId":"u","type":"CLICK","occurredAt":"2026-11-23T10:06:00Z"} | occurredAt.in_future
					occurred beyond horizon     | {"userId":"u","type":"CLICK","occurredAt":"2026-10-01T00:00:00Z"} | occurredAt.too_old
					occurred without offset     | {"userId":"u","type":"CLICK","occurredAt":"2026-11-23T10:00:00"}  | occurredAt.invalid
					purchase without amount     | {"userId":"u","type":"PURCHASE","currency":"EUR"}         | amountMinor.missing
					purchase without currency   | {"userId":"u","type":"PURCHASE","amountMinor":5}          | currency.missing
					negative amount             | {"userId":"u","type":"PURCHASE","amountMinor":-1,"currency":"EUR"} | amountMinor.invalid
					fractional amount           | {"userId":"u","type":"PURCHASE","amountMinor":1.5,"currency":"EUR"} | amountMinor.invalid
					unknown currency            | {"userId":"u","type":"PURCHASE","amountMinor":1,"currency":"XYZ"}  | currency.invalid
					lower-case currency         | {"userId":"u","type":"PURCHASE","amountMinor":1,"currency":"eur"}  | currency.invalid
					too many properties         | {"userId":"u","type":"CLICK","properties":{"a":1,"b":2,"c":3,"d":4}} | properties.too_many
					nested property             | {"userId":"u","type":"CLICK","properties":{"a":[1]}}       | properties.a.invalid
					property value too long     | {"userId":"u","type":"CLICK","properties":{"a":"12345678901234567"}} | properties.a.too_long
					bad property name           | {"userId":"u","type":"CLICK","properties":{"1a":"x"}}      | properties.1a.invalid
					properties not an object    | {"userId":"u","type":"CLICK","properties":"x"}            | properties.invalid
					unknown field               | {"userId":"u","type":"CLICK","colour":"red"}              | colour.unknown_field
					bad ip                      | {"userId":"u","type":"CLICK","ip":"example.com"}          | ip.invalid
					bad event id                | {"eventId":"no spaces please","userId":"u","type":"CLICK"} | eventId.invalid
					""")
	void refusesWithTheFieldAndReason(String description, String json, String reason) {
		ParsedEvent parsed = parse(json.formatted("u".repeat(129)));
		assertThat(parsed.valid()).isFalse();
		assertThat(parsed.errors()).extracting(EventError::reason).containsExactly(reason);
	}

	@Test
	void listsEveryBadFieldAtOnce() {
		ParsedEvent parsed = parse("{\"eventId\":\"e-9\",\"userId\":\"\",\"type\":\"X\",\"currency\":\"??\"}");
		assertThat(parsed.eventId()).isEqualTo("e-9");
		assertThat(parsed.errors()).extracting(EventError::field)
			.containsExactlyInAnyOrder("userId", "type", "currency");
	}

	@Test
	void refusesWhatIsNotAnObject() {
		assertThat(parse("[1]").errors()).extracting(EventError::code).containsExactly("invalid");
	}

	private ParsedEvent parse(String json) {
		JsonNode node = JSON.readTree(json);
		return this.parser.parse(node, "192.0.2.44");
	}

}
