package io.pulsehub.points.risk;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.RiskAlert;
import io.pulsehub.contracts.events.RiskOutcome;
import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import io.pulsehub.points.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules of config-repo/points-service.yml on real traffic: rejections are 422 with
 * the rule id and write no ledger event; every rejection and flag is listed at
 * {@code /admin/points/alerts}, published on {@code risk-alerts} and counted.
 */
@PointsIntegrationTest
class RiskIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry registry;

	private PointsApi api;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void api() {
		this.api = new PointsApi(this.port);
	}

	@Test
	void rejectsADeniedUserAndAlerts() {
		double before = alerts("deny-list", "REJECTED");
		String key = this.run + "-denied";
		HttpResponse<String> response = this.api.earn(PointsIntegrationTest.DENIED_USER, key,
				"{\"amount\": 10, \"reason\": \"order\"}");
		assertRejected(response, "deny-list");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM points_ledger WHERE idempotency_key = ?", Long.class,
				key))
			.isZero();
		assertThat(alerts("deny-list", "REJECTED")).isEqualTo(before + 1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(published(PointsIntegrationTest.DENIED_USER))
				.anySatisfy((alert) -> assertThat(alert.getRuleId()).isEqualTo("deny-list")));
		RiskAlert alert = published(PointsIntegrationTest.DENIED_USER).getLast();
		assertThat(alert.getOutcome()).isEqualTo(RiskOutcome.REJECTED);
		assertThat(alert.getSource()).isEqualTo("points-service");
		assertThat(listed()).anySatisfy((listed) -> {
			assertThat(listed.get("userId").stringValue()).isEqualTo(PointsIntegrationTest.DENIED_USER);
			assertThat(listed.get("ruleId").stringValue()).isEqualTo("deny-list");
			assertThat(listed.get("outcome").stringValue()).isEqualTo("REJECTED");
		});
		// The refusal is the key's result: a retry answers it again.
		assertRejected(this.api.earn(PointsIntegrationTest.DENIED_USER, key, "{\"amount\": 10, \"reason\": \"order\"}"),
				"deny-list");
	}

	@Test
	void rejectsTheTwentyFirstEarnInAMinute() {
		String user = this.run + "-fast";
		for (int i = 0; i < 20; i++) {
			assertThat(this.api.earn(user, this.run + "-v" + i, "{\"amount\": 1, \"reason\": \"click\"}").statusCode())
				.isEqualTo(201);
		}
		assertRejected(this.api.earn(user, this.run + "-v20", "{\"amount\": 1, \"reason\": \"click\"}"), "velocity");
		assertThat(this.api.spend(user, this.run + "-vs", "{\"amount\": 1, \"reason\": \"gift\"}").statusCode())
			.isEqualTo(201);
	}

	@Test
	void rejectsCommandsOverThePerCommandAndDailyCaps() {
		String user = this.run + "-big";
		assertRejected(this.api.earn(user, this.run + "-b0", "{\"amount\": 100001, \"reason\": \"x\"}"), "command-cap");
		for (int i = 1; i <= 5; i++) {
			assertThat(this.api.earn(user, this.run + "-b" + i, "{\"amount\": 100000, \"reason\": \"x\"}").statusCode())
				.isEqualTo(201);
		}
		assertRejected(this.api.earn(user, this.run + "-b6", "{\"amount\": 1, \"reason\": \"x\"}"), "daily-cap");
	}

	@Test
	void flagsASpendSpikeButLetsItThrough() {
		String user = this.run + "-spike";
		double before = alerts("spend-spike", "FLAGGED");
		this.api.earn(user, this.run + "-s0", "{\"amount\": 5000, \"reason\": \"order\"}");
		for (int i = 1; i <= 3; i++) {
			this.api.spend(user, this.run + "-s" + i, "{\"amount\": 10, \"reason\": \"coffee\"}");
		}
		HttpResponse<String> spike = this.api.spend(user, this.run + "-s4", "{\"amount\": 2000, \"reason\": \"tv\"}");
		assertThat(spike.statusCode()).isEqualTo(201);
		assertThat(alerts("spend-spike", "FLAGGED")).isEqualTo(before + 1);
		assertThat(listed()).anySatisfy((listed) -> {
			assertThat(listed.get("userId").stringValue()).isEqualTo(user);
			assertThat(listed.get("outcome").stringValue()).isEqualTo("FLAGGED");
		});
	}

	private void assertRejected(HttpResponse<String> response, String rule) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("type").stringValue()).isEqualTo("urn:pulsehub:problem:risk-rejected");
		assertThat(problem.get("ruleId").stringValue()).isEqualTo(rule);
	}

	private double alerts(String rule, String outcome) {
		return this.registry.counter("pulsehub.points.risk.alerts", "rule", rule, "outcome", outcome).count();
	}

	private List<JsonNode> listed() {
		HttpResponse<String> response = this.api.get("/admin/points/alerts?limit=50");
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).valueStream().toList();
	}

	private static List<RiskAlert> published(String user) {
		return TopicReader.values(Topics.RISK_ALERTS.name(), user).stream().map((value) -> {
			try {
				return RiskAlert.parseFrom(value);
			}
			catch (InvalidProtocolBufferException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
