package io.pulsehub.contracts;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.apache.kafka.common.errors.SerializationException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicsTests {

	@Test
	void topicNamesAreUnique() {
		List<String> names = Topics.all().stream().map(Topic::name).toList();

		assertThat(names).doesNotHaveDuplicates();
	}

	@Test
	void allListsEveryTopicConstant() {
		List<Topic<?, ?>> constants = Arrays.stream(Topics.class.getDeclaredFields())
			.filter((field) -> Modifier.isPublic(field.getModifiers()) && field.getType() == Topic.class)
			.<Topic<?, ?>>map(TopicsTests::valueOf)
			.toList();

		assertThat(constants).isNotEmpty();
		assertThat(Topics.all()).containsExactlyInAnyOrderElementsOf(constants);
	}

	@Test
	void catalogueHoldsTheArchitectureTopics() {
		assertThat(Topics.all()).extracting(Topic::name)
			.containsExactly("user-activity-events", "user-activity-events.DLT", "profile-changes", "points-events",
					"risk-alerts", "sync-route-overrides");
	}

	@Test
	void routeOverridesAreCompactedSoTheLatestPerRouteIsKept() {
		assertThat(Topics.SYNC_ROUTE_OVERRIDES.config()).containsEntry("cleanup.policy", "compact");
		assertThat(Topics.PROFILE_CHANGES.config()).isEmpty();
	}

	@Test
	void keysAreStringUserIdsThatRoundTrip() {
		Topic<String, UserActivityEvent> topic = Topics.USER_ACTIVITY_EVENTS;

		byte[] key = topic.keySerde().serializer().serialize(topic.name(), "user-42");

		assertThat(topic.keySerde().deserializer().deserialize(topic.name(), key)).isEqualTo("user-42");
	}

	@Test
	void valuesAreProtobufMessagesThatRoundTrip() {
		Topic<String, UserActivityEvent> topic = Topics.USER_ACTIVITY_EVENTS;
		UserActivityEvent event = UserActivityEvent.newBuilder()
			.setEventId("e-1")
			.setUserId("user-42")
			.setType(EventType.PURCHASE)
			.setAmountMinor(1999)
			.setCurrency("EUR")
			.putProperties("coupon", "WINTER")
			.build();

		byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event);

		assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), value)).isEqualTo(event);
	}

	@Test
	void refusesUndecodableValuesWithKafkasSerializationException() {
		Topic<String, ProfileChanged> topic = Topics.PROFILE_CHANGES;
		byte[] garbage = { (byte) 0xff, (byte) 0xff, (byte) 0xff };

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> topic.valueSerde().deserializer().deserialize(topic.name(), garbage));
	}

	private static Topic<?, ?> valueOf(Field field) {
		try {
			return (Topic<?, ?>) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void refusesABlankName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Topic<>(" ", Topics.RISK_ALERTS.keySerde(), Topics.RISK_ALERTS.valueSerde()));
	}

}
