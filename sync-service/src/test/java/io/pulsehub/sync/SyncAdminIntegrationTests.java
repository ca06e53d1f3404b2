package io.pulsehub.sync;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API: routes and switches with their audit, problem details for bad input,
 * stats, resync, drift, and rules reloaded on a config refresh.
 */
@SyncServiceTest
class SyncAdminIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MongoDatabase syncDatabase;

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void listsTheConfiguredRoutesInMatchingOrderWithTheDefaultLast() throws Exception {
		HttpResponse<String> routes = api().get("/admin/sync/routes");
		assertThat(routes.statusCode()).isEqualTo(200);
		List<String> ids = JsonPath.read(routes.body(), "$[*].routeId");
		assertThat(ids).startsWith("volatile", "purchases", "engagement").endsWith("default");
		assertThat((List<String>) JsonPath.read(routes.body(), "$[?(@.routeId == 'engagement')].strategy"))
			.containsExactly("WRITE_BEHIND");
		assertThat((List<String>) JsonPath.read(routes.body(), "$[?(@.routeId == 'engagement')].source"))
			.containsExactly("config");
	}

	@Test
	void switchesARouteAuditsItAndPutsItBack() throws Exception {
		HttpResponse<String> switched = api().send("PUT", "/admin/sync/routes/offline",
				"{\"strategy\":\"write_through\"}");
		assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(switched.body(), "$.strategy")).isEqualTo("WRITE_THROUGH");
		assertThat((String) JsonPath.read(switched.body(), "$.source")).isEqualTo("override");
		assertThat((String) JsonPath.read(switched.body(), "$.overriddenBy")).isEqualTo("ops-admin");
		HttpResponse<String> reset = api().send("DELETE", "/admin/sync/routes/offline", null);
		assertThat(reset.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(reset.body(), "$.strategy")).isEqualTo("SCHEDULED");
		assertThat((String) JsonPath.read(reset.body(), "$.source")).isEqualTo("config");
		HttpResponse<String> audit = api().get("/admin/sync/audit?limit=2");
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(audit.body(), "$[*].action")).containsExactly("reset", "override");
		assertThat((List<String>) JsonPath.read(audit.body(), "$[*].to")).containsExactly("SCHEDULED", "WRITE_THROUGH");
		assertThat((List<String>) JsonPath.read(audit.body(), "$[*].by")).containsOnly("ops-admin");
	}

	@Test
	void answersBadInputWithProblemDetailsNeverA500() throws Exception {
		assertProblem(api().send("PUT", "/admin/sync/routes/engagement", "{\"strategy\":\"FASTEST\"}"), 400);
		assertProblem(api().send("PUT", "/admin/sync/routes/engagement", "{}"), 400);
		assertProblem(api().send("PUT", "/admin/sync/routes/engagement", "{not json"), 400);
		assertProblem(api().send("PUT", "/admin/sync/routes/no-such-route", "{\"strategy\":\"SKIP\"}"), 404);
		assertProblem(api().send("DELETE", "/admin/sync/routes/no-such-route", null), 404);
		assertProblem(api().get("/admin/sync/drift?sample=0"), 400);
		assertProblem(api().get("/admin/sync/drift?sample=1001"), 400);
		assertProblem(api().get("/admin/sync/drift?sample=many"), 400);
		assertProblem(api().get("/admin/sync/audit?limit=-1"), 400);
		assertProblem(api().send("POST", "/admin/sync/resync", "{\"userIds\":[]}"), 400);
		assertProblem(api().send("POST", "/admin/sync/resync", "{\"userIds\":[\"bad id!\"]}"), 400);
	}

	@Test
	void resyncsGivenUsersAndTheDriftCheckThenFindsThemEqual() throws Exception {
		String user = SyncIntegrationTests.user();
		this.redis.opsForHash()
			.putAll(RedisLayout.profileKey(user), Map.of("attr.tier", "\"gold\"", "attr.version", "4",
					"attr.updated_at", Instant.now().toString(), "pts.balance", "80", "pts.version", "6"));
		HttpResponse<String> resync = api().send("POST", "/admin/sync/resync", "{\"userIds\":[\"" + user + "\"]}");
		assertThat(resync.statusCode()).as(resync.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(resync.body(), "$.sectionsWritten")).isEqualTo(2);
		assertThat(this.syncDatabase.getCollection(UserProfileDocument.COLLECTION)
			.find(Filters.eq("_id", user))
			.first()
			.get("points", org.bson.Document.class)).containsEntry("balance", 80L);
		HttpResponse<String> drift = api().get("/admin/sync/drift?sample=1000");
		assertThat(drift.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(drift.body(), "$.mismatches[*].userId")).doesNotContain(user);
		HttpResponse<String> stats = api().get("/admin/sync/stats");
		assertThat(stats.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(stats.body(), "$.strategies[*].strategy"))
			.containsExactly("WRITE_THROUGH", "WRITE_BEHIND", "SCHEDULED", "SKIP");
		assertThat((String) JsonPath.read(stats.body(), "$.mongoCircuit")).isEqualTo("CLOSED");
	}

	@Test
	void reloadsTheRulesWhenTheConfigIsRefreshed() throws Exception {
		// what /actuator/refresh (or a bus refresh) does once the config server has new
		// rules: new property sources in the environment, then an EnvironmentChangeEvent
		MutablePropertySources sources = this.context.getEnvironment().getPropertySources();
		Map<String, Object> rules = Map.of("pulsehub.sync.routing.default-strategy", "SCHEDULED",
				"pulsehub.sync.routing.rules[0].id", "vip-first", "pulsehub.sync.routing.rules[0].segments", "vip",
				"pulsehub.sync.routing.rules[0].strategy", "WRITE_THROUGH");
		try {
			sources.addFirst(new MapPropertySource("refreshed-routing", rules));
			this.context.publishEvent(new EnvironmentChangeEvent(this.context, rules.keySet()));
			HttpResponse<String> routes = api().get("/admin/sync/routes");
			assertThat((List<String>) JsonPath.read(routes.body(), "$[*].routeId")).containsExactly("vip-first",
					"default");
			assertThat((List<String>) JsonPath.read(routes.body(), "$[?(@.routeId == 'default')].strategy"))
				.containsExactly("SCHEDULED");
		}
		finally {
			sources.remove("refreshed-routing");
			this.context.publishEvent(new EnvironmentChangeEvent(this.context, rules.keySet()));
		}
		HttpResponse<String> restored = api().get("/admin/sync/routes");
		assertThat((List<String>) JsonPath.read(restored.body(), "$[*].routeId")).contains("engagement");
	}

	@Test
	void documentsTheAdminApiInItsOpenApiDocument() throws Exception {
		HttpResponse<String> document = api().get("/v3/api-docs");
		assertThat(document.statusCode()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(document.body(), "$.paths");
		assertThat(paths).containsKeys("/admin/sync/routes", "/admin/sync/routes/{routeId}", "/admin/sync/audit",
				"/admin/sync/stats", "/admin/sync/resync", "/admin/sync/drift", "/admin/sync/ping");
	}

	private SyncApi api() {
		return new SyncApi(this.port);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

}
