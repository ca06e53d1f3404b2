package io.pulsehub.contracts;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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
					"risk-alerts");
	}

	@Test
	void keysAreStringUserIdsThatRoundTrip() {
		Topic<String, byte[]> topic = Topics.USER_ACTIVITY_EVENTS;

		byte[] key = topic.keySerde().serializer().serialize(topic.name(), "user-42");

		assertThat(topic.keySerde().deserializer().deserialize(topic.name(), key)).isEqualTo("user-42");
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
