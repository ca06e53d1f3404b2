package io.pulsehub.points.query;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import io.pulsehub.points.datasource.ReplicaHealth;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replica is unreachable (its pool points at a port nothing listens on, as after a
 * replica crash): the service starts anyway, reads are served by the primary, and the
 * health endpoint says where reads go.
 */
@PointsIntegrationTest
@TestPropertySource(properties = "points.test.replica-url=jdbc:postgresql://localhost:1/pulsehub_points")
class ReplicaDownIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ReplicaHealth health;

	@Autowired
	private MeterRegistry registry;

	@Test
	void servesReadsFromThePrimaryWhileTheReplicaIsDown() {
		PointsApi api = new PointsApi(this.port);
		String user = "replica-down-" + UUID.randomUUID();
		assertThat(api.earn(user, user + "-k", "{\"amount\": 33, \"reason\": \"order\"}").statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.health.isUp());
		HttpResponse<String> balance = api.get("/api/v1/points/" + user);
		assertThat(balance.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(balance.body()).get("balance").longValue()).isEqualTo(33);
		assertThat(api.get("/api/v1/points/" + user + "/history").statusCode()).isEqualTo(200);
		assertThat(this.registry.counter("pulsehub.points.reads", "route", "primary").count())
			.isGreaterThanOrEqualTo(2);
	}

}
