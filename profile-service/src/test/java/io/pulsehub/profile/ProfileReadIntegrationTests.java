package io.pulsehub.profile;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.contracts.profile.WindowedCount;
import io.pulsehub.localstack.junit.LocalStack;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fused read on real Redis, Kafka and MongoDB-protocol servers: Redis first, MongoDB
 * when Redis has nothing or is stopped, Redis re-warmed, old documents read and upgraded.
 */
@ProfileIntegrationTest
class ProfileReadIntegrationTests {

	private static final String PATH = "/api/v1/profiles/";

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MongoDatabase profileDatabase;

	private ProfileApi api;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@BeforeEach
	void connect() {
		this.api = new ProfileApi(this.port);
	}

	@AfterEach
	void awaitTheStoresBack() {
		// a fault test restarts servers; the clients reconnect with backoff
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.untilAsserted(() -> {
				assertThat(this.redis.hasKey("probe")).isFalse();
				assertThat(profiles().countDocuments(new Document("_id", "probe"))).isZero();
			});
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void fusesEverySectionFromRedisWithWindowedTagsTrueAtReadTime() throws Exception {
		String user = user();
		Instant now = Instant.now();
		long bucket = now.getEpochSecond() / 10 * 10;
		TreeMap<Long, Long> buckets = new TreeMap<>(Map.of(bucket - 600, 7L, bucket, 3L));
		Map<String, String> hash = new TreeMap<>();
		hash.put("rt.version", "57");
		hash.put("rt.updated_at", now.toString());
		hash.put("rt.last_seen", "2026-01-15T10:42:05Z");
		hash.put("rt.device.class", "MOBILE");
		hash.put("rt.count.page_view", "31");
		hash.put("rt.views_5m", new WindowedCount(Duration.ofMinutes(5), Duration.ofSeconds(10), buckets).encode());
		hash.put("attr.tier", "\"gold\"");
		hash.put("attr.address", "{\"city\":\"Lyon\"}");
		hash.put("attr.version", "3");
		hash.put("off.ltv_total", "125000");
		hash.put("off.segment_id", "vip");
		hash.put("off.version", "2");
		hash.put("pts.balance", "1200");
		hash.put("pts.version", "9");
		this.redis.opsForHash().putAll(RedisLayout.profileKey(user), hash);

		HttpResponse<String> response = this.api.get(PATH + user);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Profile-Source")).hasValue("l2");
		String body = response.body();
		assertThat((String) JsonPath.read(body, "$.userId")).isEqualTo(user);
		assertThat((String) JsonPath.read(body, "$.attributes.tier")).isEqualTo("gold");
		assertThat((String) JsonPath.read(body, "$.attributes.address.city")).isEqualTo("Lyon");
		assertThat((Integer) JsonPath.read(body, "$.realtime.windowed.views_5m")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(body, "$.realtime.counts.page_view")).isEqualTo(31);
		assertThat((String) JsonPath.read(body, "$.realtime.deviceClass")).isEqualTo("MOBILE");
		assertThat((Integer) JsonPath.read(body, "$.offline.ltv_total")).isEqualTo(125000);
		assertThat((String) JsonPath.read(body, "$.offline.segment_id")).isEqualTo("vip");
		assertThat((Integer) JsonPath.read(body, "$.points.balance")).isEqualTo(1200);
		assertThat((Map<String, Object>) JsonPath.read(body, "$.versions"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("attributes", 3, "realtime", 57, "offline", 2, "points", 9));
		assertThat(Instant.parse(JsonPath.read(body, "$.updatedAt"))).isEqualTo(now);

		HttpResponse<String> again = this.api.get(PATH + user);
		assertThat(again.headers().firstValue("X-Profile-Source")).hasValue("l1");
		String etag = response.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("\"a3.r57.o2.p9.");
		HttpResponse<String> unchanged = this.api.get(PATH + user, null, etag);
		assertThat(unchanged.statusCode()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(this.api.get(PATH + user, null, "\"a2.r57.o2.p9.w0\"").statusCode()).isEqualTo(200);
	}

	@Test
	void answersNotFoundAsProblemDetailForAnUnknownUser() throws Exception {
		HttpResponse<String> response = this.api.get(PATH + user());
		ProblemAssert.assertProblem(response, 404, "profile-not-found");
	}

	@Test
	void readsAUserCalledPingAsAUserNotAsTheRoutingProbe() throws Exception {
		ProblemAssert.assertProblem(this.api.get(PATH + "ping"), 404, "profile-not-found");
		assertThat(this.api.get(PATH + "_ping").statusCode()).isEqualTo(200);
	}

	@Test
	void fallsBackToMongoWhenRedisHasNothingAndRewarmsRedis() throws Exception {
		String user = user();
		profiles().insertOne(currentDocument(user, user));
		HttpResponse<String> response = this.api.get(PATH + user);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Profile-Source")).hasValue("l3");
		assertCurrentDocumentRead(response.body());
		Map<Object, Object> rewarmed = this.redis.opsForHash().entries(RedisLayout.profileKey(user));
		assertThat(rewarmed).containsEntry("attr.tier", "\"gold\"")
			.containsEntry("attr.version", "4")
			.containsEntry("rt.count.page_view", "12")
			.containsEntry("rt.version", "40")
			.containsEntry("off.segment_id", "silver")
			.containsEntry("pts.balance", "80");
	}

	@Test
	void readsVersionOneDocumentsAndUpgradesThemToVersionTwo() throws Exception {
		String keyedById = user();
		String keyedByField = user();
		Date lastSeen = Date.from(Instant.parse("2025-06-01T12:00:00Z"));
		profiles().insertOne(new Document("_id", keyedById).append("pageViews", 17)
			.append("lastDeviceType", "tablet")
			.append("lastSeen", lastSeen)
			.append("segment", "legacy")
			.append("email", "ann@example.com"));
		profiles().insertOne(new Document("_id", new ObjectId()).append("userId", keyedByField)
			.append("schemaVersion", 1)
			.append("pageViews", 5L)
			.append("points", 40));

		HttpResponse<String> first = this.api.get(PATH + keyedById);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(first.body(), "$.realtime.counts.page_view")).isEqualTo(17);
		assertThat((String) JsonPath.read(first.body(), "$.realtime.deviceClass")).isEqualTo("TABLET");
		assertThat((String) JsonPath.read(first.body(), "$.realtime.lastSeen")).isEqualTo("2025-06-01T12:00:00Z");
		assertThat((String) JsonPath.read(first.body(), "$.offline.segment_id")).isEqualTo("legacy");
		assertThat((String) JsonPath.read(first.body(), "$.attributes.email")).isEqualTo("ann@example.com");
		HttpResponse<String> second = this.api.get(PATH + keyedByField);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(second.body(), "$.realtime.counts.page_view")).isEqualTo(5);
		assertThat((Integer) JsonPath.read(second.body(), "$.points.balance")).isEqualTo(40);

		Document upgraded = profiles().find(new Document("_id", keyedById)).first();
		assertThat(upgraded.getInteger("schemaVersion")).isEqualTo(2);
		assertThat(upgraded.get("realtime", Document.class).get("counts", Document.class).get("page_view"))
			.isEqualTo(17L);
		assertThat(upgraded.get("offline", Document.class).getString("segment_id")).isEqualTo("legacy");
		assertThat(upgraded).doesNotContainKey("pageViews");
		Document upgradedByField = profiles().find(new Document("userId", keyedByField)).first();
		assertThat(upgradedByField.getInteger("schemaVersion")).isEqualTo(2);
		assertThat(upgradedByField.get("points", Document.class).get("balance")).isEqualTo(40L);
	}

	@Test
	void servesFromMongoWhileRedisIsStopped() throws Exception {
		String onlyInRedis = user();
		this.redis.opsForHash().put(RedisLayout.profileKey(onlyInRedis), "attr.tier", "\"bronze\"");
		// warm requests through both levels first, so only the outage is measured below
		ProblemAssert.assertProblem(this.api.get(PATH + user()), 404, "profile-not-found");
		LocalStack.redis().stop();
		try {
			long start = System.nanoTime();
			HttpResponse<String> response = this.api.get(PATH + user());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			ProblemAssert.assertProblem(response, 503, "profile-unavailable");
			String fresh = user();
			profiles().insertOne(currentDocument(fresh, fresh));
			HttpResponse<String> fromMongo = this.api.get(PATH + fresh);
			assertThat(fromMongo.statusCode()).as(fromMongo.body()).isEqualTo(200);
			assertThat(fromMongo.headers().firstValue("X-Profile-Source")).hasValue("l3");
			assertCurrentDocumentRead(fromMongo.body());
		}
		finally {
			LocalStack.redis().start();
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			HttpResponse<String> back = this.api.get(PATH + onlyInRedis);
			assertThat(back.statusCode()).isEqualTo(200);
			assertThat(back.headers().firstValue("X-Profile-Source")).hasValue("l2");
		});
	}

	@Test
	void servesFromRedisWhileMongoIsStoppedAndAnswersServiceUnavailableQuicklyWhenBothAre() throws Exception {
		String inRedis = user();
		this.redis.opsForHash().put(RedisLayout.profileKey(inRedis), "attr.tier", "\"bronze\"");
		LocalStack.mongo().stop();
		try {
			HttpResponse<String> response = this.api.get(PATH + inRedis);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat((String) JsonPath.read(response.body(), "$.attributes.tier")).isEqualTo("bronze");
			ProblemAssert.assertProblem(this.api.get(PATH + user()), 503, "profile-unavailable");
			LocalStack.redis().stop();
			try {
				List<Duration> took = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					long start = System.nanoTime();
					HttpResponse<String> neither = this.api.get(PATH + user());
					took.add(Duration.ofNanos(System.nanoTime() - start));
					ProblemAssert.assertProblem(neither, 503, "profile-unavailable");
					assertThat(neither.headers().firstValue("Retry-After")).hasValue("5");
				}
				// bounded by the Redis command and MongoDB server-selection timeouts
				assertThat(took).allSatisfy((duration) -> assertThat(duration).isLessThan(Duration.ofSeconds(4)));
			}
			finally {
				LocalStack.redis().start();
			}
		}
		finally {
			LocalStack.mongo().start();
		}
		String later = user();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			profiles().deleteMany(new Document("_id", later));
			profiles().insertOne(currentDocument(later, later));
			assertThat(this.api.get(PATH + later).statusCode()).isEqualTo(200);
		});
	}

	@Test
	void createsTheSegmentAndRecencyIndexesAtStartUp() {
		List<String> names = new ArrayList<>();
		profiles().listIndexes().forEach((index) -> names.add(index.getString("name")));
		assertThat(names).contains("segment_updatedAt", "updatedAt");
	}

	@Test
	void describesTheProfileEndpointsInTheApiDocument() throws Exception {
		HttpResponse<String> document = this.api.get("/v3/api-docs");
		assertThat(document.statusCode()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(document.body(), "$.paths");
		assertThat(paths).containsKeys("/api/v1/profiles/{userId}", "/api/v1/profiles/{userId}/attributes",
				"/api/v1/profiles", "/api/v1/erasures/{erasureId}");
		assertThat((Map<String, Object>) JsonPath.read(document.body(),
				"$.paths['/api/v1/profiles/{userId}'].get.responses"))
			.containsKeys("200", "304", "400", "404", "503");
	}

	private MongoCollection<Document> profiles() {
		return this.profileDatabase.getCollection(UserProfileDocument.COLLECTION);
	}

	static String user() {
		return "u-" + UUID.randomUUID();
	}

	/** A version 2 document as the sync-service writes it. */
	static Document currentDocument(String id, String userId) {
		Date at = Date.from(Instant.parse("2026-01-10T08:00:00Z"));
		return new Document("_id", id).append("userId", userId)
			.append("schemaVersion", 2)
			.append("attributes", new Document("tier", "gold").append("prefs", new Document("lang", "fr")))
			.append("realtime",
					new Document("asOf", at).append("lastSeen", at)
						.append("device", new Document("class", "DESKTOP"))
						.append("counts", new Document("page_view", 12L))
						.append("windowed", new Document("views_5m", "300/10|1000:4")))
			.append("offline", new Document("segment_id", "silver").append("ltv_total", "5000"))
			.append("points", new Document("balance", 80L))
			.append("sources",
					new Document("attributes", new Document("version", 4L).append("updatedAt", at))
						.append("realtime", new Document("version", 40L).append("updatedAt", at))
						.append("offline", new Document("version", 1L))
						.append("points", new Document("version", 6L)))
			.append("updatedAt", at);
	}

	static void assertCurrentDocumentRead(String body) {
		assertThat((String) JsonPath.read(body, "$.attributes.tier")).isEqualTo("gold");
		assertThat((String) JsonPath.read(body, "$.attributes.prefs.lang")).isEqualTo("fr");
		assertThat((Integer) JsonPath.read(body, "$.realtime.counts.page_view")).isEqualTo(12);
		// the encoded buckets are long out of the window: 0 at read time
		assertThat((Integer) JsonPath.read(body, "$.realtime.windowed.views_5m")).isEqualTo(0);
		assertThat((String) JsonPath.read(body, "$.offline.segment_id")).isEqualTo("silver");
		assertThat((Integer) JsonPath.read(body, "$.points.balance")).isEqualTo(80);
		assertThat((Map<String, Object>) JsonPath.read(body, "$.versions"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("attributes", 4, "realtime", 40, "offline", 1, "points", 6));
	}

}
