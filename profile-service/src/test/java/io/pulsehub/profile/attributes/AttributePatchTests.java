package io.pulsehub.profile.attributes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.pulsehub.profile.core.InputError;
import io.pulsehub.profile.core.JsonValues;
import io.pulsehub.profile.core.ProfileProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AttributePatchTests {

	private static final AttributeProperties LIMITS = new AttributeProperties(100, 50, DataSize.ofKilobytes(4),
			DataSize.ofKilobytes(64), Duration.ofSeconds(5));

	@Test
	void mergesObjectsRemovesNullsAndReplacesEverythingElse() {
		JsonNode current = json("{\"city\":\"Lyon\",\"zip\":\"69001\",\"geo\":{\"lat\":1,\"lon\":2}}");
		JsonNode merged = AttributePatch.merge(current, json("{\"city\":\"Paris\",\"zip\":null,\"geo\":{\"lat\":3}}"));
		assertThat(JsonValues.text(merged)).isEqualTo("{\"city\":\"Paris\",\"geo\":{\"lat\":3,\"lon\":2}}");
		assertThat(AttributePatch.merge(current, json("null"))).isNull();
		assertThat(JsonValues.text(AttributePatch.merge(current, json("[1]")))).isEqualTo("[1]");
		assertThat(JsonValues.text(AttributePatch.merge(json("\"x\""), json("{\"a\":null,\"b\":1}"))))
			.isEqualTo("{\"b\":1}");
	}

	@Test
	void listsEveryBadMemberAtOnce() {
		ProfileProblem problem = catchThrowableOfType(ProfileProblem.class,
				() -> AttributePatch.parse(bytes("{\"version\":1,\"a.b\":2,\"ok\":3,\"n\":1e400}"), LIMITS));
		assertThat(problem.getStatusCode().value()).isEqualTo(400);
		@SuppressWarnings("unchecked")
		List<InputError> errors = (List<InputError>) problem.getBody().getProperties().get("errors");
		assertThat(errors).extracting(InputError::field)
			.containsExactly("attributes.version", "attributes.a.b", "attributes.n");
		assertThat(errors).extracting(InputError::code).containsExactly("reserved", "invalid", "invalid");
	}

	@Test
	void keepsTheMembersOfAValidPatchInOrder() {
		AttributePatch patch = AttributePatch.parse(bytes("{\"tier\":\"gold\",\"nick\":null}"), LIMITS);
		assertThat(patch.members()).containsOnlyKeys("tier", "nick");
		assertThat(patch.members().get("nick").isNull()).isTrue();
	}

	private static JsonNode json(String text) {
		return JsonValues.parse(bytes(text));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
