package io.pulsehub.points.query;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.baomidou.dynamic.datasource.toolkit.DynamicDataSourceContextHolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import io.pulsehub.points.datasource.DataSourceKeys;
import io.pulsehub.points.datasource.ReplicaHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Balance and history come from the replica pool (locally a read-only session on the same
 * server), both pools report to Micrometer, and bad paging is a 400.
 */
@PointsIntegrationTest
class PointsQueryIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private PointsQueries queries;

	@Autowired
	private ReplicaHealth health;

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
	void servesBalanceAndPagedHistoryFromTheReplica() {
		String user = this.run + "-reader";
		for (int i = 1; i <= 5; i++) {
			this.api.earn(user, this.run + "-h" + i, "{\"amount\": " + i + ", \"reason\": \"order " + i + "\"}");
		}
		double replicaReads = reads("replica");
		JsonNode balance = json(this.api.get("/api/v1/points/" + user));
		assertThat(balance.get("balance").longValue()).isEqualTo(15);
		assertThat(balance.get("lifetimeEarned").longValue()).isEqualTo(15);
		assertThat(balance.get("lifetimeSpent").longValue()).isZero();
		assertThat(balance.get("version").longValue()).isEqualTo(5);

		JsonNode first = json(this.api.get("/api/v1/points/" + user + "/history?page=0&size=2"));
		assertThat(first.get("items").valueStream().map((item) -> item.get("sequence").longValue())).containsExactly(5L,
				4L);
		assertThat(first.get("hasMore").booleanValue()).isTrue();
		JsonNode last = json(this.api.get("/api/v1/points/" + user + "/history?page=2&size=2"));
		assertThat(last.get("items").valueStream().map((item) -> item.get("reason").stringValue()))
			.containsExactly("order 1");
		assertThat(last.get("hasMore").booleanValue()).isFalse();
		assertThat(reads("replica")).isGreaterThanOrEqualTo(replicaReads + 3);
	}

	@Test
	void routesReadsToAReadOnlyReplicaSessionAndWritesToThePrimary() {
		assertThat(this.health.isUp()).isTrue();
		assertThat(this.queries.readOnlyConnection()).isTrue();
		assertThat(this.jdbc.queryForObject("SHOW transaction_read_only", String.class)).isEqualTo("off");
		DynamicDataSourceContextHolder.push(DataSourceKeys.REPLICA);
		try {
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> this.jdbc.update(
						"INSERT INTO points_risk_alerts VALUES (gen_random_uuid(), 'x', 'x', 'FLAGGED', 'x', now())"))
				.withMessageContaining("read-only");
		}
		finally {
			DynamicDataSourceContextHolder.poll();
		}
	}

	@Test
	void answersProblemDetailsForUnknownUsersAndBadPaging() {
		HttpResponse<String> unknown = this.api.get("/api/v1/points/" + this.run + "-nobody");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json(unknown).get("type").stringValue()).isEqualTo("urn:pulsehub:problem:account-not-found");
		assertThat(this.api.get("/api/v1/points/u1/history?size=101").statusCode()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/points/u1/history?size=0").statusCode()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/points/u1/history?page=-1").statusCode()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/points/u1/history?page=abc").statusCode()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/points/bad$id").statusCode()).isEqualTo(400);
		// a user called "ping" is a user: the routing probe lives at "_ping", never a
		// user id
		assertThat(this.api.get("/api/v1/points/ping").statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/points/_ping").statusCode()).isEqualTo(200);
	}

	@Test
	void exportsBothPoolsToMicrometer() {
		assertThat(this.registry.get("hikaricp.connections.max").tag("pool", "points-primary").gauge().value())
			.isEqualTo(8);
		assertThat(this.registry.get("hikaricp.connections.max").tag("pool", "points-replica").gauge().value())
			.isEqualTo(6);
		assertThat(this.registry.get("hikaricp.connections.active").tag("pool", "points-replica").gauge()).isNotNull();
	}

	private double reads(String route) {
		return this.registry.counter("pulsehub.points.reads", "route", route).count();
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isLessThan(500);
		return JSON.readTree(response.body());
	}

}
