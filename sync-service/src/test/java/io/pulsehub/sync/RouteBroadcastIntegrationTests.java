package io.pulsehub.sync;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A switch taken by one instance is in force on another at once, and on an instance
 * started after it; putting the route back reaches them too.
 */
@LocalStackTest(services = { Service.REDIS, Service.KAFKA, Service.MONGO })
class RouteBroadcastIntegrationTests {

	private static final String[] SETTINGS = { "pulsehub.mongo.database=sync-broadcast",
			"pulsehub.sync.consumer.group-id=sync-broadcast" };

	private static final int REDIS_DATABASE = 3;

	@Test
	void switchOnOneInstanceTakesEffectOnEveryInstanceAndSurvivesRestarts() throws Exception {
		try (ConfigurableApplicationContext first = SyncInstances.start(REDIS_DATABASE, SETTINGS)) {
			try {
				switchAndRestart(first);
			}
			finally {
				// the overrides topic is shared with every other test instance
				SyncInstances.api(first).send("DELETE", "/admin/sync/routes/purchases", null);
			}
		}
	}

	private static void switchAndRestart(ConfigurableApplicationContext first) throws Exception {
		try (ConfigurableApplicationContext second = SyncInstances.start(REDIS_DATABASE, SETTINGS)) {
			HttpResponse<String> switched = SyncInstances.api(first)
				.send("PUT", "/admin/sync/routes/purchases", "{\"strategy\":\"SCHEDULED\"}");
			assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.untilAsserted(() -> assertThat(strategy(second, "purchases")).isEqualTo("SCHEDULED"));
		}
		// a restart reads the override back from the compacted topic before consuming
		try (ConfigurableApplicationContext restarted = SyncInstances.start(REDIS_DATABASE, SETTINGS)) {
			assertThat(strategy(restarted, "purchases")).isEqualTo("SCHEDULED");
			HttpResponse<String> reset = SyncInstances.api(restarted)
				.send("DELETE", "/admin/sync/routes/purchases", null);
			assertThat(reset.statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.untilAsserted(() -> assertThat(strategy(first, "purchases")).isEqualTo("WRITE_THROUGH"));
		}
	}

	private static String strategy(ConfigurableApplicationContext instance, String routeId) throws Exception {
		HttpResponse<String> routes = SyncInstances.api(instance).get("/admin/sync/routes");
		List<String> strategies = JsonPath.read(routes.body(), "$[?(@.routeId == '" + routeId + "')].strategy");
		return strategies.get(0);
	}

}
