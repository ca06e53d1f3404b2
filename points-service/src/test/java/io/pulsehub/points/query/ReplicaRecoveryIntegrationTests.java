package io.pulsehub.points.query;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.server.Ports;
import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import io.pulsehub.points.datasource.ReplicaHealth;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replica is a second, real PostgreSQL server (not the primary's): it serves reads
 * while it runs, is stopped while the service runs (reads move to the primary, never a
 * 500) and started again (reads return to it once the probe sees it). The second server
 * is not a streaming copy: it carries the points schema and one seeded account whose
 * balance differs from the primary's, so every answer shows which server gave it.
 */
@PointsIntegrationTest
@DirtiesContext
class ReplicaRecoveryIntegrationTests {

	private static final String USER = "replica-recovery-" + UUID.randomUUID().toString().substring(0, 8);

	/** The balance the primary's ledger gives the user (one earn in the test). */
	private static final long ON_PRIMARY = 33;

	/** The balance seeded on the replica only. */
	private static final long ON_REPLICA = 777;

	private static final String PASSWORD = "replica-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LocalPostgres replica;

	@LocalServerPort
	private int port;

	@Autowired
	private ReplicaHealth health;

	@Autowired
	private MeterRegistry registry;

	@DynamicPropertySource
	static void secondServer(DynamicPropertyRegistry properties) {
		Path dataDir = Path.of("target", "replica-pg-" + UUID.randomUUID());
		replica = new LocalPostgres(Ports.free(), dataDir, PASSWORD);
		replica.start();
		String url = replica.jdbcUrl("pulsehub_points");
		Flyway.configure().dataSource(url, "points", PASSWORD).load().migrate();
		new JdbcTemplate(new DriverManagerDataSource(url, "points", PASSWORD)).update(
				"INSERT INTO points_accounts (user_id, balance, lifetime_earned, lifetime_spent, version, updated_at) "
						+ "VALUES (?, ?, ?, 0, 1, now())",
				USER, ON_REPLICA, ON_REPLICA);
		properties.add("points.test.replica-url", () -> url + "?options=-c%20default_transaction_read_only=on");
		properties.add("spring.datasource.dynamic.datasource.replica.password", () -> PASSWORD);
	}

	@AfterAll
	static void stopSecondServer() {
		if (replica != null) {
			replica.stop();
		}
	}

	@Test
	void readsMoveToThePrimaryWhileTheReplicaIsStoppedAndReturnWhenItIsBack() {
		PointsApi api = new PointsApi(this.port);
		assertThat(api.earn(USER, USER + "-k", "{\"amount\": " + ON_PRIMARY + ", \"reason\": \"order\"}").statusCode())
			.isEqualTo(201);
		await().atMost(Duration.ofSeconds(20)).until(this.health::isUp);
		assertThat(balance(api)).as("served by the replica").isEqualTo(ON_REPLICA);
		double fallbacksBefore = reads("fallback") + reads("primary");

		replica.stop();
		// Right after the stop, before any probe ran: the read that fails on the replica
		// runs again on the primary.
		for (int i = 0; i < 5; i++) {
			assertThat(balance(api)).as("served by the primary while the replica is stopped").isEqualTo(ON_PRIMARY);
			HttpResponse<String> history = api.get("/api/v1/points/" + USER + "/history");
			assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
			assertThat(json(history).get("items")).hasSize(1);
		}
		assertThat(this.health.isUp()).isFalse();
		assertThat(reads("fallback") + reads("primary")).isGreaterThan(fallbacksBefore);

		replica.start();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(balance(api)).as("served by the replica again").isEqualTo(ON_REPLICA));
		assertThat(this.health.isUp()).isTrue();
		HttpResponse<String> history = api.get("/api/v1/points/" + USER + "/history");
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(json(history).get("items")).as("the replica's ledger has no events of the user").isEmpty();
	}

	private long balance(PointsApi api) {
		HttpResponse<String> response = api.get("/api/v1/points/" + USER);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("balance").longValue();
	}

	private double reads(String route) {
		return this.registry.counter("pulsehub.points.reads", "route", route).count();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
