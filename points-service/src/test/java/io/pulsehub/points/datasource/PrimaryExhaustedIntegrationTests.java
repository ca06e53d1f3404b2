package io.pulsehub.points.datasource;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.baomidou.dynamic.datasource.DynamicRoutingDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every primary connection is busy (what a burst beyond the pool does): a command waits
 * the pool's connection timeout, then gets a 503 problem with Retry-After, not a 500;
 * nothing is written, and the same command with the same key succeeds once connections
 * are free.
 */
@PointsIntegrationTest
@TestPropertySource(properties = "points.test.primary-connection-timeout=300")
class PrimaryExhaustedIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry registry;

	@Test
	void answers503WithRetryAfterAndWritesNothingWhileNoConnectionIsFree() throws SQLException {
		PointsApi api = new PointsApi(this.port);
		String user = "exhausted-" + UUID.randomUUID();
		String body = "{\"amount\": 40, \"reason\": \"order\"}";
		HttpResponse<String> refused;
		List<Connection> held = holdEveryPrimaryConnection();
		try {
			refused = api.earn(user, user + "-k", body);
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).contains("1");
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:pulsehub:problem:points-unavailable");
		assertThat(problem.get("detail").asString()).contains("Idempotency-Key");
		assertThat(rows("points_ledger", user)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM points_idempotency WHERE idempotency_key = ?",
				Long.class, user + "-k"))
			.isZero();
		assertThat(this.registry.find("pulsehub.points.store.unavailable").counter()).isNotNull()
			.satisfies((counter) -> assertThat(counter.count()).isGreaterThanOrEqualTo(1));

		HttpResponse<String> retried = api.earn(user, user + "-k", body);
		assertThat(retried.statusCode()).isEqualTo(201);
		assertThat(rows("points_ledger", user)).isOne();
	}

	private List<Connection> holdEveryPrimaryConnection() throws SQLException {
		DataSource primary = ((DynamicRoutingDataSource) this.dataSource).getDataSource("primary");
		List<Connection> held = new ArrayList<>();
		try {
			while (true) {
				held.add(primary.getConnection());
			}
		}
		catch (SQLException ex) {
			// the pool is empty: every connection it may open is held here
			return held;
		}
	}

	private long rows(String table, String user) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE user_id = ?", Long.class, user);
	}

}
