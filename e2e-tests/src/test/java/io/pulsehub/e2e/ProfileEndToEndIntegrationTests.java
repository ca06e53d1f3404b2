package io.pulsehub.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.postgres.ServiceDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.pulsehub.e2e.MeshHttp.DEV_API_KEY;
import static io.pulsehub.e2e.MeshHttp.apiKey;
import static io.pulsehub.e2e.MeshHttp.get;
import static io.pulsehub.e2e.MeshHttp.post;
import static io.pulsehub.e2e.MeshHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unified profile as a client meets it, through the gateway: events, an attribute
 * patch and earned points fuse into one profile (with its ETag), and an erasure removes
 * the user from every store that held them (Redis, MongoDB, the PostgreSQL archive) and
 * reports each store done.
 */
@ExtendWith(MeshExtension.class)
class ProfileEndToEndIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(90);

	private static final String MERGE_PATCH = "application/merge-patch+json";

	private static Mesh mesh;

	private static RedisClient redisClient;

	private static StatefulRedisConnection<String, String> redis;

	private static MongoClient mongo;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void useMesh(Mesh running) {
		mesh = running;
		redisClient = RedisClient.create(LocalStack.redis().url());
		redis = redisClient.connect();
		mongo = MongoClients.create(LocalStack.mongo().connectionString());
	}

	@AfterAll
	static void close() {
		redis.close();
		redisClient.shutdown();
		mongo.close();
	}

	@Test
	void fusesEventsAttributesAndPointsIntoOneProfileThroughTheGateway() throws Exception {
		String user = "e2e-profile-" + this.run;
		postPageViews(user, 3);
		HttpResponse<String> patched = send("PATCH", gateway("/api/v1/profiles/" + user + "/attributes"), MERGE_PATCH,
				"{\"tier\":\"gold\",\"prefs\":{\"lang\":\"fr\"}}", apiKey(DEV_API_KEY));
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		HttpResponse<String> earned = post(gateway("/api/v1/points/" + user + "/earn"),
				"{\"amount\":120,\"reason\":\"order 981\"}", apiKey(DEV_API_KEY),
				Map.of("Idempotency-Key", "e2e-" + this.run));
		assertThat(earned.statusCode()).as(earned.body()).isEqualTo(201);
		// a section the profile does not have yet is null: its fields are not there to
		// read
		await().atMost(WITHIN).ignoreExceptionsInstanceOf(PathNotFoundException.class).untilAsserted(() -> {
			HttpResponse<String> profile = get(gateway("/api/v1/profiles/" + user), apiKey(DEV_API_KEY));
			assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
			String body = profile.body();
			assertThat((String) JsonPath.read(body, "$.attributes.tier")).isEqualTo("gold");
			assertThat((String) JsonPath.read(body, "$.attributes.prefs.lang")).isEqualTo("fr");
			assertThat((Integer) JsonPath.read(body, "$.realtime.counts.page_view")).isEqualTo(3);
			assertThat((Integer) JsonPath.read(body, "$.realtime.windowed.views_5m")).isEqualTo(3);
			assertThat((Integer) JsonPath.read(body, "$.points.balance")).isEqualTo(120);
		});
		HttpResponse<String> profile = get(gateway("/api/v1/profiles/" + user), apiKey(DEV_API_KEY));
		String etag = profile.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> unchanged = get(gateway("/api/v1/profiles/" + user), apiKey(DEV_API_KEY),
				Map.of("If-None-Match", etag));
		assertThat(unchanged.statusCode()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		HttpResponse<String> bad = get(gateway("/api/v1/profiles/bad$id"), apiKey(DEV_API_KEY));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void erasesAUserFromRedisMongoAndTheArchiveAndReportsEveryStoreDone() throws Exception {
		String user = "e2e-erased-" + this.run;
		postPageViews(user, 2);
		HttpResponse<String> patched = send("PATCH", gateway("/api/v1/profiles/" + user + "/attributes"), MERGE_PATCH,
				"{\"email\":\"ann@example.com\"}", apiKey(DEV_API_KEY));
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		await().atMost(WITHIN).untilAsserted(() -> {
			assertThat(archivedRows(user)).isEqualTo(2);
			assertThat(mongoDocuments(user)).isEqualTo(1);
			assertThat(redis.sync().exists(RedisLayout.profileKey(user))).isEqualTo(1);
		});
		HttpResponse<String> erasure = send("DELETE", gateway("/api/v1/profiles/" + user), null, null,
				apiKey(DEV_API_KEY));
		assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);
		String location = erasure.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("/api/v1/erasures/");
		await().atMost(WITHIN).untilAsserted(() -> {
			HttpResponse<String> status = get(gateway(location), apiKey(DEV_API_KEY));
			assertThat(status.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(status.body(), "$.status")).isEqualTo("COMPLETED");
			assertThat((Map<String, String>) JsonPath.read(status.body(), "$.stores")).containsEntry("redis", "DONE")
				.containsEntry("mongo", "DONE")
				.containsEntry("events", "DONE");
		});
		assertThat(get(gateway("/api/v1/profiles/" + user), apiKey(DEV_API_KEY)).statusCode()).isEqualTo(404);
		assertThat(send("PATCH", gateway("/api/v1/profiles/" + user + "/attributes"), MERGE_PATCH,
				"{\"email\":\"back@example.com\"}", apiKey(DEV_API_KEY))
			.statusCode()).isEqualTo(410);
		await().atMost(WITHIN).untilAsserted(() -> assertThat(archivedRows(user)).isZero());
		assertThat(redis.sync().exists(RedisLayout.profileKey(user))).isZero();
		assertThat(mongoDocuments(user)).isZero();
	}

	private void postPageViews(String user, int count) throws Exception {
		StringBuilder body = new StringBuilder("{\"events\":[");
		for (int i = 0; i < count; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"eventId\":\"")
				.append(user)
				.append("-view-")
				.append(i)
				.append("\",\"userId\":\"")
				.append(user)
				.append("\",\"type\":\"PAGE_VIEW\",\"occurredAt\":\"")
				.append(Instant.now())
				.append("\"}");
		}
		body.append("]}");
		HttpResponse<String> response = post(gateway("/api/v1/events/batch"), body.toString(), apiKey(DEV_API_KEY));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private static URI gateway(String path) {
		return mesh.app("gateway").uri(path);
	}

	private static long mongoDocuments(String user) {
		return mongo.getDatabase("pulsehub")
			.getCollection(UserProfileDocument.COLLECTION)
			.countDocuments(Filters.eq(UserProfileDocument.ID, user));
	}

	private static long archivedRows(String user) throws Exception {
		String database = ServiceDatabase.INGESTION.name();
		try (Connection connection = DriverManager.getConnection(LocalStack.postgres().jdbcUrl(database),
				LocalStack.postgres().userFor(database), LocalStack.postgres().password());
				PreparedStatement count = connection
					.prepareStatement("SELECT count(*) FROM activity_events WHERE user_id = ?")) {
			count.setString(1, user);
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
