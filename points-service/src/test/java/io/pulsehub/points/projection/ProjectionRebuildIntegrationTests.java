package io.pulsehub.points.projection;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.pulsehub.contracts.profile.PointsFields;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /admin/points/projections/rebuild} recomputes the {@code pts.*} fields from
 * the ledger events, whatever happened to Redis, and leaves other namespaces alone.
 */
@PointsIntegrationTest
class ProjectionRebuildIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private JdbcTemplate jdbc;

	private PointsApi api;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void api() {
		this.api = new PointsApi(this.port);
	}

	@Test
	void rebuildReproducesTheBalancesOfTheLedger() {
		String lost = this.run + "-lost";
		String corrupt = this.run + "-corrupt";
		String reversed = this.run + "-reversed";
		this.api.earn(lost, this.run + "-l1", "{\"amount\": 40, \"reason\": \"order\"}");
		this.api.spend(lost, this.run + "-l2", "{\"amount\": 15, \"reason\": \"gift\"}");
		this.api.earn(corrupt, this.run + "-c1", "{\"amount\": 90, \"reason\": \"order\"}");
		String earn = LedgerJson
			.transactionId(this.api.earn(reversed, this.run + "-r1", "{\"amount\": 60, \"reason\": \"order\"}"));
		String spend = LedgerJson
			.transactionId(this.api.spend(reversed, this.run + "-r2", "{\"amount\": 20, \"reason\": \"gift\"}"));
		this.api.reverse(spend, "{\"reason\": \"returned\"}");
		this.api.earn(reversed, this.run + "-r4", "{\"amount\": 50, \"reason\": \"order\"}");
		this.api.spend(reversed, this.run + "-r3", "{\"amount\": 30, \"reason\": \"gift\"}");
		this.api.reverse(earn, "{\"reason\": \"cancelled\"}");
		await().atMost(WITHIN).untilAsserted(() -> {
			assertThat(field(lost, PointsFields.VERSION)).isEqualTo("2");
			assertThat(field(corrupt, PointsFields.VERSION)).isEqualTo("1");
			assertThat(field(reversed, PointsFields.VERSION)).isEqualTo("6");
		});
		assertThat(field(reversed, PointsFields.BALANCE)).isEqualTo("20");
		assertThat(field(reversed, PointsFields.LIFETIME_EARNED)).isEqualTo("50");
		assertThat(field(reversed, PointsFields.LIFETIME_SPENT)).isEqualTo("30");

		this.redis.delete(RedisLayout.profileKey(lost));
		this.redis.opsForHash().put(RedisLayout.profileKey(corrupt), PointsFields.BALANCE, "999999");
		this.redis.opsForHash().put(RedisLayout.profileKey(corrupt), "attr.name", "kept");
		this.redis.opsForHash().delete(RedisLayout.profileKey(reversed), PointsFields.LIFETIME_SPENT);

		HttpResponse<String> response = this.api.post("/admin/points/projections/rebuild", null, "");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(LedgerJson.read(response).get("users").longValue()).isGreaterThanOrEqualTo(3);

		for (String user : new String[] { lost, corrupt, reversed }) {
			assertThat(projected(user)).as(user).isEqualTo(ledger(user));
		}
		assertThat(field(corrupt, "attr.name")).isEqualTo("kept");
	}

	@Test
	void refusesARebuildThatDidNotComeThroughTheGateway() {
		assertThat(this.api.unsigned("POST", "/admin/points/projections/rebuild").statusCode()).isEqualTo(401);
		assertThat(this.api.unsigned("GET", "/admin/points/alerts").statusCode()).isEqualTo(401);
	}

	private String field(String user, String field) {
		Object value = this.redis.opsForHash().get(RedisLayout.profileKey(user), field);
		return (value != null) ? value.toString() : null;
	}

	private String projected(String user) {
		return String.join(",", field(user, PointsFields.BALANCE), field(user, PointsFields.LIFETIME_EARNED),
				field(user, PointsFields.LIFETIME_SPENT), field(user, PointsFields.VERSION));
	}

	private String ledger(String user) {
		return this.jdbc.queryForObject("SELECT concat_ws(',', balance, lifetime_earned, lifetime_spent, version) "
				+ "FROM points_accounts WHERE user_id = ?", String.class, user);
	}

}
