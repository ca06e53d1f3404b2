package io.pulsehub.points.ledger;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad command is a problem detail and writes nothing: no ledger event, no
 * account, no idempotency key, no outbox row.
 */
@PointsIntegrationTest
class BadInputIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private PointsApi api;

	@BeforeEach
	void api() {
		this.api = new PointsApi(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			amount missing      | user-ok  | key | {"reason": "x"}                          | 400 | amount
			amount zero         | user-ok  | key | {"amount": 0, "reason": "x"}             | 400 | amount
			amount negative     | user-ok  | key | {"amount": -5, "reason": "x"}            | 400 | amount
			amount fractional   | user-ok  | key | {"amount": 10.5, "reason": "x"}          | 400 | amount
			amount as string    | user-ok  | key | {"amount": "10", "reason": "x"}          | 400 | amount
			amount absurd       | user-ok  | key | {"amount": 1000000001, "reason": "x"}    | 400 | amount
			amount overflowing  | user-ok  | key | {"amount": 99999999999999999999999, "reason": "x"} | 400 | amount
			reason missing      | user-ok  | key | {"amount": 5}                            | 400 | reason
			bad user id         | `bad$user` | key | {"amount": 5, "reason": "x"}           | 400 | userId
			missing key         | user-ok  |     | {"amount": 5, "reason": "x"}             | 400 | Idempotency-Key
			bad key             | user-ok  | `a b` | {"amount": 5, "reason": "x"}           | 400 | Idempotency-Key
			array body          | user-ok  | key | [1, 2]                                   | 400 | body
			""")
	void refusesABadEarnWithAProblemDetailAndWritesNothing(String name, String user, String key, String body,
			int status, String field) {
		String userId = user.equals("user-ok") ? "bad-input-" + UUID.randomUUID() : user;
		String idempotencyKey = (key == null) ? null : key.equals("key") ? "bad-" + UUID.randomUUID() : key;
		long outboxBefore = count("SELECT count(*) FROM points_outbox");
		HttpResponse<String> response = this.api.earn(encode(userId), idempotencyKey, body);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = LedgerIntegrationTests.json(response);
		assertThat(problem.get("type").stringValue()).isEqualTo("urn:pulsehub:problem:invalid-request");
		assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").stringValue()))
			.contains(field);
		assertThat(count("SELECT count(*) FROM points_ledger WHERE user_id = '" + userId.replace("'", "''") + "'"))
			.isZero();
		assertThat(count("SELECT count(*) FROM points_accounts WHERE user_id = '" + userId.replace("'", "''") + "'"))
			.isZero();
		if (idempotencyKey != null) {
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM points_idempotency WHERE idempotency_key = ?",
					Long.class, idempotencyKey))
				.isZero();
		}
		assertThat(count("SELECT count(*) FROM points_outbox")).isEqualTo(outboxBefore);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			malformed JSON   | {"amount": 5,
			empty body       | ''
			""")
	void refusesUnreadableBodiesAsProblemDetails(String name, String body) {
		HttpResponse<String> response = this.api.earn("bad-input-json", "bad-" + UUID.randomUUID(), body);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
		assertThat(count("SELECT count(*) FROM points_ledger WHERE user_id = 'bad-input-json'")).isZero();
	}

	@Test
	void refusesAReversalOfAMalformedTransactionId() {
		HttpResponse<String> response = this.api.reverse("not-a-uuid", "{\"reason\": \"x\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(LedgerIntegrationTests.json(response).get("type").stringValue())
			.isEqualTo("urn:pulsehub:problem:invalid-request");
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private static String encode(String userId) {
		return URLEncoder.encode(userId, StandardCharsets.UTF_8);
	}

}
