package io.pulsehub.points.ledger;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write side over HTTP on real PostgreSQL: idempotency, concurrency, the never
 * negative balance and compensation.
 */
@PointsIntegrationTest
class LedgerIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private PointsApi api;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void api() {
		this.api = new PointsApi(this.port);
	}

	@Test
	void earnsSpendsAndAnswersWithTheTransaction() {
		String user = this.run + "-basic";
		HttpResponse<String> earned = this.api.earn(user, this.run + "-k1", "{\"amount\": 120, \"reason\": \"order\"}");
		assertThat(earned.statusCode()).isEqualTo(201);
		JsonNode body = json(earned);
		assertThat(body.get("type").stringValue()).isEqualTo("EARNED");
		assertThat(body.get("balance").longValue()).isEqualTo(120);
		assertThat(body.get("sequence").longValue()).isEqualTo(1);
		HttpResponse<String> spent = this.api.spend(user, this.run + "-k2",
				"{\"amount\": 20, \"reason\": \"voucher\"}");
		assertThat(spent.statusCode()).isEqualTo(201);
		assertThat(json(spent).get("balance").longValue()).isEqualTo(100);
		assertThat(json(spent).get("sequence").longValue()).isEqualTo(2);
		assertThat(account(user)).containsExactly(100L, 120L, 20L, 2L);
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM points_outbox WHERE message_key = ?", Long.class, user))
			.isEqualTo(2);
	}

	@Test
	void answersARepeatedKeyWithTheOriginalResultAndChangesNothing() {
		String user = this.run + "-idem";
		String key = this.run + "-once";
		HttpResponse<String> first = this.api.earn(user, key, "{\"amount\": 50, \"reason\": \"signup\"}");
		HttpResponse<String> again = this.api.earn(user, key, "{\"amount\": 50, \"reason\": \"signup\"}");
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(json(again)).isEqualTo(json(first));
		assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(ledgerEvents(user)).isEqualTo(1);

		HttpResponse<String> otherBody = this.api.earn(user, key, "{\"amount\": 60, \"reason\": \"signup\"}");
		assertThat(otherBody.statusCode()).isEqualTo(422);
		assertThat(json(otherBody).get("type").stringValue()).isEqualTo("urn:pulsehub:problem:idempotency-key-reused");
		HttpResponse<String> otherOperation = this.api.spend(user, key, "{\"amount\": 50, \"reason\": \"signup\"}");
		assertThat(otherOperation.statusCode()).isEqualTo(422);
		assertThat(ledgerEvents(user)).isEqualTo(1);
		assertThat(account(user)).containsExactly(50L, 50L, 0L, 1L);
	}

	@Test
	void appliesFiftyConcurrentIdenticalRequestsExactlyOnce() throws Exception {
		String user = this.run + "-burst";
		String key = this.run + "-burst-key";
		List<HttpResponse<String>> responses = concurrently(50,
				() -> this.api.earn(user, key, "{\"amount\": 10, \"reason\": \"burst\"}"));
		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(201));
		assertThat(responses.stream().map((response) -> json(response).get("transactionId").stringValue()).distinct())
			.hasSize(1);
		assertThat(responses.stream()
			.filter((r) -> r.headers().firstValue("Idempotent-Replayed").orElseThrow().equals("false"))).hasSize(1);
		assertThat(ledgerEvents(user)).isEqualTo(1);
		assertThat(account(user)).containsExactly(10L, 10L, 0L, 1L);
	}

	@Test
	void neverSpendsMoreThanTheBalanceUnderFiftyConcurrentSpends() throws Exception {
		String user = this.run + "-race";
		assertThat(this.api.earn(user, this.run + "-fund", "{\"amount\": 100, \"reason\": \"fund\"}").statusCode())
			.isEqualTo(201);
		List<Integer> statuses = new ArrayList<>();
		List<Callable<HttpResponse<String>>> spends = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String key = this.run + "-spend-" + i;
			spends.add(() -> this.api.spend(user, key, "{\"amount\": 10, \"reason\": \"race\"}"));
		}
		for (HttpResponse<String> response : all(spends)) {
			statuses.add(response.statusCode());
			if (response.statusCode() == 409) {
				assertThat(json(response).get("type").stringValue()).isIn("urn:pulsehub:problem:insufficient-points",
						"urn:pulsehub:problem:concurrent-modification");
			}
		}
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(10);
		assertThat(statuses).filteredOn((status) -> status != 201).containsOnly(409);
		assertThat(account(user)).containsExactly(0L, 100L, 100L, 11L);
		assertThat(this.jdbc.queryForObject("SELECT min(balance_after) FROM points_ledger WHERE user_id = ?",
				Long.class, user))
			.isZero();
		assertThat(ledgerEvents(user)).isEqualTo(11);
	}

	@Test
	void refusesASpendBeyondTheBalanceAndRemembersTheRefusal() {
		String user = this.run + "-poor";
		this.api.earn(user, this.run + "-p1", "{\"amount\": 30, \"reason\": \"fund\"}");
		HttpResponse<String> refused = this.api.spend(user, this.run + "-p2", "{\"amount\": 50, \"reason\": \"big\"}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(json(refused).get("type").stringValue()).isEqualTo("urn:pulsehub:problem:insufficient-points");
		this.api.earn(user, this.run + "-p3", "{\"amount\": 30, \"reason\": \"fund\"}");
		HttpResponse<String> replayed = this.api.spend(user, this.run + "-p2", "{\"amount\": 50, \"reason\": \"big\"}");
		assertThat(replayed.statusCode()).isEqualTo(409);
		assertThat(json(replayed).get("detail")).isEqualTo(json(refused).get("detail"));
		assertThat(account(user)).containsExactly(60L, 60L, 0L, 2L);
	}

	@Test
	void reversesATransactionOnceWithACompensatingEvent() {
		String user = this.run + "-rev";
		String earned = json(this.api.earn(user, this.run + "-r1", "{\"amount\": 80, \"reason\": \"order\"}"))
			.get("transactionId")
			.stringValue();
		String spent = json(this.api.spend(user, this.run + "-r2", "{\"amount\": 30, \"reason\": \"gift\"}"))
			.get("transactionId")
			.stringValue();
		HttpResponse<String> reversal = this.api.reverse(spent, "{\"reason\": \"gift returned\"}");
		assertThat(reversal.statusCode()).isEqualTo(201);
		assertThat(json(reversal).get("type").stringValue()).isEqualTo("REVERSED");
		assertThat(json(reversal).get("amount").longValue()).isEqualTo(30);
		assertThat(json(reversal).get("reversesTransactionId").stringValue()).isEqualTo(spent);
		assertThat(account(user)).containsExactly(80L, 80L, 0L, 3L);

		HttpResponse<String> again = this.api.reverse(spent, "{\"reason\": \"again\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).get("type").stringValue()).isEqualTo("urn:pulsehub:problem:already-reversed");
		String reversalId = json(reversal).get("transactionId").stringValue();
		assertThat(this.api.reverse(reversalId, "{\"reason\": \"undo\"}").statusCode()).isEqualTo(409);
		assertThat(this.api.reverse(UUID.randomUUID().toString(), "{\"reason\": \"x\"}").statusCode()).isEqualTo(404);

		HttpResponse<String> earnReversal = this.api.reverse(earned, "{\"reason\": \"order cancelled\"}");
		assertThat(earnReversal.statusCode()).isEqualTo(201);
		assertThat(json(earnReversal).get("amount").longValue()).isEqualTo(-80);
		assertThat(account(user)).containsExactly(0L, 0L, 0L, 4L);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM points_ledger WHERE user_id = ? AND type <> 'REVERSED'", Long.class, user))
			.as("the originals stay in the ledger")
			.isEqualTo(2);
	}

	@Test
	void refusesAReversalOfEarnedPointsAlreadySpent() {
		String user = this.run + "-spent";
		String earned = json(this.api.earn(user, this.run + "-s1", "{\"amount\": 40, \"reason\": \"order\"}"))
			.get("transactionId")
			.stringValue();
		this.api.spend(user, this.run + "-s2", "{\"amount\": 30, \"reason\": \"gift\"}");
		HttpResponse<String> refused = this.api.reverse(earned, "{\"reason\": \"cancelled\"}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(json(refused).get("type").stringValue()).isEqualTo("urn:pulsehub:problem:insufficient-points");
		assertThat(account(user)).containsExactly(10L, 40L, 30L, 2L);
	}

	private List<Long> account(String user) {
		return this.jdbc.queryForObject(
				"SELECT balance, lifetime_earned, lifetime_spent, version FROM points_accounts WHERE user_id = ?",
				(rows, i) -> List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)), user);
	}

	private long ledgerEvents(String user) {
		return this.jdbc.queryForObject("SELECT count(*) FROM points_ledger WHERE user_id = ?", Long.class, user);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static List<HttpResponse<String>> concurrently(int times, Callable<HttpResponse<String>> call)
			throws Exception {
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			calls.add(call);
		}
		return all(calls);
	}

	private static List<HttpResponse<String>> all(List<Callable<HttpResponse<String>>> calls) throws Exception {
		try (ExecutorService executor = Executors.newFixedThreadPool(calls.size())) {
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> future : executor.invokeAll(calls)) {
				responses.add(future.get());
			}
			return responses;
		}
	}

}
