package io.pulsehub.ingestion.collect;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonBodyReaderTests {

	private final JsonBodyReader reader = new JsonBodyReader(64);

	@Test
	void readsOneJsonDocument() {
		assertThat(read("{\"userId\":\"u\"}").get("userId").stringValue()).isEqualTo("u");
	}

	@Test
	void refusesDuplicateKeysNamingTheKey() {
		assertThatExceptionOfType(CollectProblem.class).isThrownBy(() -> read("{\"a\":1,\"a\":2}"))
			.satisfies((problem) -> assertThat(problem.getBody().getDetail()).contains("Duplicate").contains("\"a\""));
	}

	@Test
	void refusesMalformedJsonWithItsPosition() {
		assertThatExceptionOfType(CollectProblem.class).isThrownBy(() -> read("{\"a\":"))
			.satisfies((problem) -> assertThat(problem.getBody().getDetail()).startsWith("Malformed JSON at line 1"));
	}

	@Test
	void refusesTrailingContentAndEmptyBodies() {
		assertThatExceptionOfType(CollectProblem.class).isThrownBy(() -> read("{} {}"));
		assertThatExceptionOfType(CollectProblem.class).isThrownBy(() -> read(""));
	}

	@Test
	void refusesBodiesOverTheLimitWhetherDeclaredOrNot() {
		String big = "{\"a\":\"" + "x".repeat(100) + "\"}";
		assertThatExceptionOfType(CollectProblem.class)
			.isThrownBy(() -> this.reader.read(new ByteArrayInputStream(new byte[0]), 1000))
			.satisfies((problem) -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
		assertThatExceptionOfType(CollectProblem.class).isThrownBy(() -> read(big))
			.satisfies((problem) -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
	}

	private tools.jackson.databind.JsonNode read(String json) {
		return this.reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), -1);
	}

}
