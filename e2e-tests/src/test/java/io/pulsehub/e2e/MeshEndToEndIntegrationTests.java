package io.pulsehub.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.pulsehub.localstack.junit.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.pulsehub.e2e.MeshHttp.DEV_API_KEY;
import static io.pulsehub.e2e.MeshHttp.admin;
import static io.pulsehub.e2e.MeshHttp.apiKey;
import static io.pulsehub.e2e.MeshHttp.basic;
import static io.pulsehub.e2e.MeshHttp.get;
import static io.pulsehub.e2e.MeshHttp.json;
import static io.pulsehub.e2e.MeshHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mesh from the outside: real jars as processes, real HTTP, nothing mocked. All nine
 * apps run; the last test stops points-service to prove the gateway's fallback, then
 * starts it again for the test classes that share the mesh.
 */
@ExtendWith(MeshExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeshEndToEndIntegrationTests {

	/**
	 * What a POST to {@code /actuator/env} gets with the admin login on every app: Spring
	 * Cloud's writable env endpoint ({@code management.endpoint.env.post.enabled}) is off
	 * unless set, so the endpoint has no write operation.
	 */
	private static final int ENV_POST_REFUSAL = 405;

	private static Mesh mesh;

	@BeforeAll
	static void useMesh(Mesh running) {
		mesh = running;
	}

	@Test
	void registersEveryAppInEureka() {
		List<String> expected = upperCase(mesh.names());
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> apps = get(app("eureka-server").uri("/eureka/apps"), admin(), json());
			assertThat(apps.statusCode()).isEqualTo(200);
			List<String> names = JsonPath.read(apps.body(), "$.applications.application[*].name");
			assertThat(names).containsAll(expected);
			List<String> up = JsonPath.read(apps.body(),
					"$.applications.application[*].instance[?(@.status == 'UP')].app");
			assertThat(up).containsAll(expected);
		});
	}

	@Test
	void routesApiCallsThroughEurekaToTheOwningService() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> profiles = get(gateway("/api/v1/profiles/_ping"), apiKey(DEV_API_KEY));
			assertThat(profiles.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(profiles.body(), "$.service")).isEqualTo("profile-service");
			assertThat((String) JsonPath.read(profiles.body(), "$.principal")).isEqualTo("dev");
			// the per-key limit is drawn from the Redis bucket (-1 would mean Redis was
			// not reachable)
			assertThat(profiles.headers().firstValue("X-RateLimit-Remaining"))
				.hasValueSatisfying((remaining) -> assertThat(Integer.parseInt(remaining)).isPositive());
			HttpResponse<String> points = get(gateway("/api/v1/points/_ping"), apiKey(DEV_API_KEY));
			assertThat(points.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(points.body(), "$.service")).isEqualTo("points-service");
		});
	}

	@Test
	void routesAdminCallsToTheOwningServiceForTheAdminOnly() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> sync = get(gateway("/admin/sync/ping"), admin());
			assertThat(sync.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(sync.body(), "$.service")).isEqualTo("sync-service");
			assertThat((String) JsonPath.read(sync.body(), "$.principal")).isEqualTo(Mesh.ADMIN_USER);
			HttpResponse<String> stream = get(gateway("/admin/stream/status"), admin());
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat((List<String>) JsonPath.read(stream.body(), "$.threads[*].name")).isNotEmpty();
		});
	}

	@Test
	void collectsEventsThroughTheGatewayOnlyWhenKafkaHasThem() {
		String event = "{\"userId\":\"e2e-user\",\"type\":\"PAGE_VIEW\",\"ip\":\"203.0.113.9\"}";
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> accepted = post(gateway("/api/v1/events"), event, apiKey(DEV_API_KEY));
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			assertThat((Integer) JsonPath.read(accepted.body(), "$.accepted")).isEqualTo(1);
		});
	}

	@Test
	void archivesEachEventPostedThroughTheGatewayExactlyOnceEvenWhenResent() throws Exception {
		String eventId = "e2e-" + UUID.randomUUID();
		String sentinel = "e2e-" + UUID.randomUUID();
		String event = "{\"eventId\":\"%s\",\"userId\":\"e2e-archive\",\"type\":\"CLICK\",\"occurredAt\":\"%s\","
				+ "\"ip\":\"198.51.100.42\"}";
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					post(gateway("/api/v1/events"), event.formatted(eventId, Instant.now()), apiKey(DEV_API_KEY))
						.statusCode())
				.isEqualTo(202));
		// the client did not hear back and resends, its clock having moved on
		assertThat(post(gateway("/api/v1/events"), event.formatted(eventId, Instant.now().plusSeconds(1)),
				apiKey(DEV_API_KEY))
			.statusCode()).isEqualTo(202);
		// same user, same partition: archived once the resend has been dealt with
		assertThat(post(gateway("/api/v1/events"), event.formatted(sentinel, Instant.now()), apiKey(DEV_API_KEY))
			.statusCode()).isEqualTo(202);
		try (Connection archive = DriverManager.getConnection(LocalStack.postgres().jdbcUrl("pulsehub_ingestion"),
				LocalStack.postgres().userFor("pulsehub_ingestion"), LocalStack.postgres().password())) {
			await().atMost(Duration.ofSeconds(60)).until(() -> archivedRows(archive, sentinel) == 1);
			assertThat(archivedRows(archive, eventId)).isEqualTo(1);
			try (PreparedStatement ip = archive.prepareStatement("SELECT ip FROM activity_events WHERE event_id = ?")) {
				ip.setString(1, eventId);
				try (ResultSet row = ip.executeQuery()) {
					assertThat(row.next()).isTrue();
					assertThat(row.getString(1)).isEqualTo("198.51.100.0");
				}
			}
		}
	}

	private static int archivedRows(Connection archive, String eventId) throws Exception {
		try (PreparedStatement count = archive
			.prepareStatement("SELECT count(*) FROM activity_events WHERE event_id = ?")) {
			count.setString(1, eventId);
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	@Test
	void refusesInvalidEventsThroughTheGatewayWithProblemDetails() throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					post(gateway("/api/v1/events"), "{\"type\":\"CLICK\"}", apiKey(DEV_API_KEY)).statusCode())
				.isEqualTo(400));
		HttpResponse<String> invalid = post(gateway("/api/v1/events"), "{\"type\":\"CLICK\"}", apiKey(DEV_API_KEY));
		assertProblem(invalid, 400);
		assertThat((List<String>) JsonPath.read(invalid.body(), "$.errors[*].field")).containsExactly("userId");
		assertProblem(post(gateway("/api/v1/events"), "{\"userId\":\"u\",\"type\":\"CLICK\"}"), 401);
	}

	@Test
	void refusesApiCallsWithoutAValidApiKey() throws Exception {
		HttpResponse<String> missing = get(gateway("/api/v1/profiles/_ping"));
		assertProblem(missing, 401);
		HttpResponse<String> wrong = get(gateway("/api/v1/profiles/_ping"), apiKey("not-a-key"));
		assertProblem(wrong, 401);
		HttpResponse<String> adminInsteadOfKey = get(gateway("/api/v1/profiles/_ping"), admin());
		assertProblem(adminInsteadOfKey, 401);
	}

	@Test
	void refusesAdminRoutesWithoutAdminCredentials() throws Exception {
		assertProblem(get(gateway("/admin/sync/ping")), 401);
		assertProblem(get(gateway("/admin/sync/ping"), apiKey(DEV_API_KEY)), 401);
		assertProblem(get(gateway("/admin/sync/ping"), basic(Mesh.ADMIN_USER, "wrong")), 401);
	}

	@Test
	void refusesDirectServiceCallsWithoutTheGatewayCredential() throws Exception {
		MeshApp profile = app("profile-service");
		assertProblem(get(profile.uri("/api/v1/profiles/_ping"), apiKey(DEV_API_KEY)), 401);
		assertProblem(get(profile.uri("/api/v1/profiles/_ping"), Map.of("X-PulseHub-Internal",
				"v1." + System.currentTimeMillis() / 1000 + ".forged", "X-PulseHub-Principal", "dev")), 401);
		assertProblem(get(profile.uri("/api/v1/profiles/_ping"), admin()), 401);
	}

	@Test
	void servesConfigServerPropertiesAndBuildInfoToEveryApp() throws Exception {
		for (String name : mesh.names().stream().filter((name) -> !name.equals("config-server")).toList()) {
			HttpResponse<String> info = get(app(name).uri("/actuator/info"));
			assertThat(info.statusCode()).as(name).isEqualTo(200);
			assertThat((String) JsonPath.read(info.body(), "$.pulsehub.config-source")).as(name)
				.isEqualTo("config-server");
			assertThat((String) JsonPath.read(info.body(), "$.build.artifact")).as(name).isEqualTo(name);
		}
	}

	@Test
	void adminDashboardListsEveryAppUp() {
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			HttpResponse<String> applications = get(app("admin-server").uri("/applications"), admin(), json());
			assertThat(applications.statusCode()).isEqualTo(200);
			List<String> up = JsonPath.read(applications.body(), "$[?(@.status == 'UP')].name");
			assertThat(up).containsAll(upperCase(mesh.names()));
		});
	}

	@Test
	void gatewaySwaggerUiListsEveryServiceDocument() throws Exception {
		assertThat(get(gateway("/swagger-ui/index.html")).statusCode()).isEqualTo(200);
		HttpResponse<String> config = get(gateway("/gateway/api-docs/swagger-config"));
		assertThat(config.statusCode()).isEqualTo(200);
		List<String> names = JsonPath.read(config.body(), "$.urls[*].name");
		assertThat(names).containsExactlyInAnyOrder("ingestion-service", "profile-service", "stream-processor",
				"sync-service", "points-service");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> document = get(gateway("/v3/api-docs/profile-service"));
			assertThat(document.statusCode()).isEqualTo(200);
			Map<String, Object> paths = JsonPath.read(document.body(), "$.paths");
			assertThat(paths).containsKey("/api/v1/profiles/_ping");
			String server = JsonPath.read(document.body(), "$.servers[0].url");
			assertThat(server).isEqualTo("http://localhost:" + app("gateway").port());
		});
	}

	@Test
	void servesEveryServiceDocumentThroughTheGateway() {
		// a path each service really has: stream-processor and sync-service serve only
		// admin endpoints, the others their public API
		Map<String, List<String>> pathsOf = Map.of("ingestion-service",
				List.of("/api/v1/events", "/api/v1/events/batch"), "profile-service",
				List.of("/api/v1/profiles/_ping", "/api/v1/profiles/{userId}"), "stream-processor",
				List.of("/admin/stream/status"), "sync-service", List.of("/admin/sync/ping", "/admin/sync/routes"),
				"points-service", List.of("/api/v1/points/_ping", "/api/v1/points/{userId}"));
		for (Map.Entry<String, List<String>> service : pathsOf.entrySet()) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				HttpResponse<String> document = get(gateway("/v3/api-docs/" + service.getKey()));
				assertThat(document.statusCode()).as(service.getKey()).isEqualTo(200);
				Map<String, Object> paths = JsonPath.read(document.body(), "$.paths");
				assertThat(paths).as(service.getKey())
					.isNotEmpty()
					.containsKeys(service.getValue().toArray(String[]::new));
				if (service.getKey().equals("stream-processor") || service.getKey().equals("sync-service")) {
					assertThat(paths.keySet()).as(service.getKey()).allMatch((path) -> path.startsWith("/admin/"));
				}
				String server = JsonPath.read(document.body(), "$.servers[0].url");
				assertThat(server).as(service.getKey()).isEqualTo("http://localhost:" + app("gateway").port());
			});
		}
	}

	@Test
	void refusesUnauthenticatedCallsToInfrastructureAndPrivateActuatorEndpoints() throws Exception {
		assertThat(get(app("eureka-server").uri("/eureka/apps"), json()).statusCode()).isEqualTo(401);
		assertThat(get(app("eureka-server").uri("/")).statusCode()).isEqualTo(401);
		assertThat(get(app("config-server").uri("/profile-service/default")).statusCode()).isEqualTo(401);
		assertThat(get(app("admin-server").uri("/applications"), json()).statusCode()).isEqualTo(401);
		assertThat(get(app("admin-server").uri("/")).statusCode()).isIn(302, 401);
		for (String name : mesh.names()) {
			MeshApp app = app(name);
			assertThat(get(app.uri("/actuator/health")).statusCode()).as(name).isEqualTo(200);
			assertThat(get(app.uri("/actuator/prometheus")).statusCode()).as(name).isEqualTo(200);
			assertThat(get(app.uri("/actuator/env")).statusCode()).as(name).isEqualTo(401);
			assertThat(get(app.uri("/actuator/metrics")).statusCode()).as(name).isEqualTo(401);
			assertThat(get(app.uri("/actuator/metrics"), admin()).statusCode()).as(name).isEqualTo(200);
		}
		assertThat(get(gateway("/actuator/gateway/routes"), admin()).statusCode()).isEqualTo(404);
	}

	@Test
	void answersReadinessAndLivenessProbesWithoutCredentials() throws Exception {
		for (String name : mesh.names()) {
			for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
				HttpResponse<String> answer = get(app(name).uri(probe));
				assertThat(answer.statusCode()).as(name + probe).isEqualTo(200);
				assertThat((String) JsonPath.read(answer.body(), "$.status")).as(name + probe).isEqualTo("UP");
			}
		}
	}

	@Test
	void keepsTheEnvironmentEndpointReadOnlyEvenForTheAdmin() throws Exception {
		// info.* properties show on /actuator/info: a property the POST had added would
		// be visible there and under /actuator/env/<name>
		String property = "info.pulsehub.e2e-tampered";
		String change = "{\"name\":\"" + property + "\",\"value\":\"tampered\"}";
		for (String name : mesh.names()) {
			MeshApp app = app(name);
			HttpResponse<String> refused = post(app.uri("/actuator/env"), change, admin());
			assertThat(refused.statusCode()).as(name).isEqualTo(ENV_POST_REFUSAL);
			assertThat(get(app.uri("/actuator/env/" + property), admin()).statusCode()).as(name).isEqualTo(404);
			HttpResponse<String> info = get(app.uri("/actuator/info"));
			assertThat(info.statusCode()).as(name).isEqualTo(200);
			assertThat(info.body()).as(name).doesNotContain("tampered");
		}
	}

	@Test
	void givesEveryCallARequestIdAndKeepsTheCallersOne() throws Exception {
		HttpResponse<String> generated = get(gateway("/api/v1/profiles/_ping"));
		assertThat(generated.headers().allValues("X-Request-Id")).singleElement()
			.satisfies((id) -> assertThat(id).hasSize(36));
		HttpResponse<String> kept = get(gateway("/api/v1/points/_ping"), apiKey(DEV_API_KEY),
				Map.of("X-Request-Id", "trace-42"));
		// once, though the service behind the gateway answers with it too
		assertThat(kept.headers().allValues("X-Request-Id")).containsExactly("trace-42");
	}

	@Test
	void keepsSecretsOutOfLogs() throws Exception {
		for (String name : mesh.names()) {
			assertThat(app(name).logText()).as(name)
				.doesNotContain(Mesh.ADMIN_PASSWORD)
				.doesNotContain(Mesh.INTERNAL_SECRET);
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void answersProblemDetailWhenTheRoutedServiceIsDown() throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get(gateway("/api/v1/points/_ping"), apiKey(DEV_API_KEY)).statusCode())
				.isEqualTo(200));
		app("points-service").stop();
		try {
			HttpResponse<String> points = get(gateway("/api/v1/points/_ping"), apiKey(DEV_API_KEY));
			assertProblem(points, 503);
			assertThat((String) JsonPath.read(points.body(), "$.service")).isEqualTo("points-service");
			assertThat((String) JsonPath.read(points.body(), "$.instance")).isEqualTo("/api/v1/points/_ping");
			assertThat(points.headers().firstValue("Retry-After")).isPresent();
			// still 503 once Eureka has dropped it and no instance is left at all
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				HttpResponse<String> apps = get(app("eureka-server").uri("/eureka/apps"), admin(), json());
				List<String> names = JsonPath.read(apps.body(), "$.applications.application[*].name");
				assertThat(names).doesNotContain("POINTS-SERVICE");
			});
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertProblem(get(gateway("/api/v1/points/_ping"), apiKey(DEV_API_KEY)), 503));
		}
		finally {
			leavePointsServiceRoutedAgain();
		}
	}

	/**
	 * Later test classes share this mesh (they earn points, expect every app UP): the
	 * stopped service runs again, registered and routed, before the test ends.
	 */
	private static void leavePointsServiceRoutedAgain() throws Exception {
		mesh.restart("points-service", Map.of());
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> apps = get(app("eureka-server").uri("/eureka/apps/POINTS-SERVICE"), admin(), json());
			assertThat(apps.statusCode()).isEqualTo(200);
			assertThat((List<String>) JsonPath.read(apps.body(), "$.application.instance[*].status"))
				.containsExactly("UP");
			HttpResponse<String> points = get(gateway("/api/v1/points/_ping"), apiKey(DEV_API_KEY));
			assertThat(points.statusCode()).as(points.body()).isEqualTo(200);
			assertThat((String) JsonPath.read(points.body(), "$.service")).isEqualTo("points-service");
		});
		assertThat(get(app("points-service").uri("/actuator/health/readiness")).statusCode()).isEqualTo(200);
	}

	private static List<String> upperCase(List<String> names) {
		return names.stream().map((name) -> name.toUpperCase(java.util.Locale.ROOT)).toList();
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private static MeshApp app(String name) {
		return mesh.app(name);
	}

	private static URI gateway(String path) {
		return app("gateway").uri(path);
	}

}
