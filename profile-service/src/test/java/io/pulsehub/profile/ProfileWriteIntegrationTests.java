package io.pulsehub.profile;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.profile.core.ProfileHashStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attribute patches, erasure and segment listing on real Redis, Kafka and
 * MongoDB-protocol servers.
 */
@ProfileIntegrationTest
class ProfileWriteIntegrationTests {

	private static final String PATH = "/api/v1/profiles/";

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MongoDatabase profileDatabase;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Autowired
	private ProfileHashStore hashes;

	private ProfileApi api;

	private ChangeTopic changes;

	@BeforeEach
	void connect() {
		this.api = new ProfileApi(this.port);
		this.changes = new ChangeTopic();
	}

	@AfterEach
	void disconnect() {
		this.changes.close();
	}

	@Test
	void patchCreatesTheProfileMergesAttributesAndAnnouncesEachChange() throws Exception {
		String user = ProfileReadIntegrationTests.user();
		HttpResponse<String> created = this.api.patch(PATH + user + "/attributes",
				"{\"tier\":\"gold\",\"address\":{\"city\":\"Lyon\",\"zip\":\"69001\"}}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(created.body(), "$.version")).isEqualTo(1);
		assertThat(this.redis.opsForHash().entries(RedisLayout.profileKey(user))).containsEntry("attr.tier", "\"gold\"")
			.containsEntry("attr.address", "{\"city\":\"Lyon\",\"zip\":\"69001\"}")
			.containsEntry("attr.version", "1")
			.containsKey("attr.updated_at");
		assertThat(this.api.get(PATH + user).statusCode()).isEqualTo(200);

		HttpResponse<String> merged = this.api.patch(PATH + user + "/attributes",
				"{\"address\":{\"city\":\"Paris\"},\"tier\":null,\"newsletter\":true}");
		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(merged.body(), "$.version")).isEqualTo(2);
		HttpResponse<String> read = this.api.get(PATH + user);
		assertThat((Map<String, Object>) JsonPath.read(read.body(), "$.attributes")).containsOnlyKeys("address",
				"newsletter");
		assertThat((Map<String, Object>) JsonPath.read(read.body(), "$.attributes.address"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("city", "Paris", "zip", "69001"));
		assertThat((Integer) JsonPath.read(read.body(), "$.versions.attributes")).isEqualTo(2);

		List<ProfileChanged> announced = this.changes.changesOf(user, 2);
		assertThat(announced).hasSize(2);
		assertThat(announced).extracting(ProfileChanged::getKind).containsOnly(ChangeKind.ATTRIBUTES);
		assertThat(announced).extracting(ProfileChanged::getVersion).containsExactly(1L, 2L);
		assertThat(announced.get(0).getChangedFieldsList()).containsExactlyInAnyOrder("attr.tier", "attr.address");
		assertThat(announced.get(1).getChangedFieldsList()).containsExactlyInAnyOrder("attr.address", "attr.newsletter",
				"attr.tier");
		// announced, so out of the outbox
		assertThat(this.redis.opsForZSet().score(ProfileHashStore.ATTRIBUTE_OUTBOX, user)).isNull();
	}

	@Test
	void announcesAnAttributeChangeThatWasStoredButNeverAnnounced() {
		String user = ProfileReadIntegrationTests.user();
		// what a crash between the Redis write and the publish leaves: stored, in the
		// outbox, no event
		long version = this.hashes.writeAttributes(user, 0, Instant.now().minusSeconds(60), 100,
				Map.of("attr.tier", "\"gold\""), List.of());
		assertThat(version).isEqualTo(1);
		assertThat(this.redis.opsForZSet().score(ProfileHashStore.ATTRIBUTE_OUTBOX, user)).isNotNull();
		List<ProfileChanged> announced = this.changes.changesOf(user, 1);
		assertThat(announced).singleElement().satisfies((change) -> {
			assertThat(change.getKind()).isEqualTo(ChangeKind.ATTRIBUTES);
			assertThat(change.getVersion()).isEqualTo(1);
			assertThat(change.getChangedFieldsList()).containsExactly("attr.tier");
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.redis.opsForZSet().score(ProfileHashStore.ATTRIBUTE_OUTBOX, user)).isNull());
	}

	@Test
	void patchOfAUserOnlyInMongoKeepsTheirOtherSections() throws Exception {
		String user = ProfileReadIntegrationTests.user();
		profiles().insertOne(ProfileReadIntegrationTests.currentDocument(user, user));
		HttpResponse<String> patched = this.api.patch(PATH + user + "/attributes", "{\"vip\":true}");
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(patched.body(), "$.version")).isEqualTo(5);
		HttpResponse<String> read = this.api.get(PATH + user);
		assertThat(read.headers().firstValue("X-Profile-Source")).hasValue("l2");
		assertThat((Boolean) JsonPath.read(read.body(), "$.attributes.vip")).isTrue();
		assertThat((String) JsonPath.read(read.body(), "$.attributes.tier")).isEqualTo("gold");
		assertThat((Integer) JsonPath.read(read.body(), "$.realtime.counts.page_view")).isEqualTo(12);
		assertThat((Integer) JsonPath.read(read.body(), "$.points.balance")).isEqualTo(80);
	}

	@Test
	void refusesAPatchThatWouldExceedTheAttributeLimitStoringNothing() throws Exception {
		String user = ProfileReadIntegrationTests.user();
		for (int batch = 0; batch < 2; batch++) {
			StringBuilder body = new StringBuilder("{");
			for (int i = 0; i < 50; i++) {
				body.append((i > 0) ? "," : "")
					.append("\"k")
					.append(batch)
					.append('_')
					.append(i)
					.append("\":")
					.append(i);
			}
			assertThat(this.api.patch(PATH + user + "/attributes", body.append('}').toString()).statusCode())
				.isEqualTo(200);
		}
		HttpResponse<String> refused = this.api.patch(PATH + user + "/attributes", "{\"one_more\":1}");
		ProblemAssert.assertProblem(refused, 400, "invalid-request");
		assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].code")).containsExactly("too_many");
		assertThat(this.redis.opsForHash().hasKey(RedisLayout.profileKey(user), "attr.one_more")).isFalse();
		assertThat(this.redis.opsForHash().get(RedisLayout.profileKey(user), "attr.version")).isEqualTo("2");
	}

	@Test
	void erasureLeavesNothingAndAReplayedChangeDoesNotBringTheUserBack() throws Exception {
		String user = ProfileReadIntegrationTests.user();
		profiles().insertOne(ProfileReadIntegrationTests.currentDocument(user, user));
		assertThat(this.api.patch(PATH + user + "/attributes", "{\"vip\":true}").statusCode()).isEqualTo(200);
		assertThat(this.api.get(PATH + user).statusCode()).isEqualTo(200);

		HttpResponse<String> accepted = this.api.delete(PATH + user);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String erasureId = JsonPath.read(accepted.body(), "$.erasureId");
		assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/erasures/" + erasureId);
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			HttpResponse<String> status = this.api.get("/api/v1/erasures/" + erasureId);
			assertThat(status.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(status.body(), "$.status")).isEqualTo("COMPLETED");
			assertThat((Map<String, Object>) JsonPath.read(status.body(), "$.stores"))
				.containsExactlyInAnyOrderEntriesOf(Map.of("redis", "DONE", "mongo", "DONE", "events", "DONE"));
		});
		assertThat(this.redis.countExistingKeys(RedisLayout.userKeys(user))).isZero();
		assertThat(profiles().countDocuments(new Document("userId", user))).isZero();
		Document tombstone = tombstones().find(new Document("_id", user)).first();
		assertThat(tombstone).isNotNull();
		assertThat(tombstone.getString("erasureId")).isEqualTo(erasureId);
		assertThat(this.changes.changesOf(user, 2)).extracting(ProfileChanged::getKind).endsWith(ChangeKind.DELETED);
		ProblemAssert.assertProblem(this.api.get(PATH + user), 404, "profile-not-found");

		// a late write replayed by the stream-processor, and its announcement
		this.redis.opsForHash()
			.putAll(RedisLayout.profileKey(user), Map.of("rt.version", "41", "rt.count.page_view", "13"));
		this.changes.publish(user, ChangeKind.REALTIME, 41, Instant.now());
		Thread.sleep(500);
		ProblemAssert.assertProblem(this.api.get(PATH + user), 404, "profile-not-found");
		ProblemAssert.assertProblem(this.api.patch(PATH + user + "/attributes", "{\"vip\":true}"), 410,
				"profile-erased");
		assertThat(profiles().countDocuments(new Document("userId", user))).isZero();
	}

	@Test
	void reportsAnErasureStepThatFailedAndCompletesItOnceTheStoreIsBack() throws Exception {
		String user = ProfileReadIntegrationTests.user();
		this.redis.opsForHash().put(RedisLayout.profileKey(user), "attr.tier", "\"gold\"");
		profiles().insertOne(ProfileReadIntegrationTests.currentDocument(user, user));
		String erasureId;
		LocalStack.redis().stop();
		try {
			HttpResponse<String> accepted = this.api.delete(PATH + user);
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			erasureId = JsonPath.read(accepted.body(), "$.erasureId");
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				HttpResponse<String> status = this.api.get("/api/v1/erasures/" + erasureId);
				assertThat((String) JsonPath.read(status.body(), "$.status")).isEqualTo("PENDING");
				assertThat((String) JsonPath.read(status.body(), "$.stores.redis")).isEqualTo("FAILED");
			});
			// the later steps wait for Redis; the durable tombstone already hides the
			// user
			HttpResponse<String> status = this.api.get("/api/v1/erasures/" + erasureId);
			assertThat((String) JsonPath.read(status.body(), "$.stores.events")).isEqualTo("PENDING");
			ProblemAssert.assertProblem(this.api.get(PATH + user), 404, "profile-not-found");
		}
		finally {
			LocalStack.redis().start();
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			HttpResponse<String> status = this.api.get("/api/v1/erasures/" + erasureId);
			assertThat((String) JsonPath.read(status.body(), "$.status")).isEqualTo("COMPLETED");
		});
		assertThat(this.redis.countExistingKeys(RedisLayout.userKeys(user))).isZero();
		assertThat(profiles().countDocuments(new Document("userId", user))).isZero();
		assertThat(this.changes.changesOf(user, 1)).extracting(ProfileChanged::getKind)
			.containsExactly(ChangeKind.DELETED);
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void listsTheProfilesOfASegmentMostRecentlyUpdatedFirstInPages() throws Exception {
		String segment = "seg-" + System.nanoTime();
		for (int i = 1; i <= 3; i++) {
			String user = "seg-user-" + i + "-" + segment;
			Document document = ProfileReadIntegrationTests.currentDocument(user, user);
			document.get("offline", Document.class).put("segment_id", segment);
			document.put("updatedAt", Date.from(Instant.parse("2026-01-0" + i + "T00:00:00Z")));
			profiles().insertOne(document);
		}
		HttpResponse<String> first = this.api.get("/api/v1/profiles", "segment=" + segment + "&size=2", null);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(first.body(), "$.profiles[*].userId"))
			.containsExactly("seg-user-3-" + segment, "seg-user-2-" + segment);
		assertThat((Boolean) JsonPath.read(first.body(), "$.hasMore")).isTrue();
		HttpResponse<String> second = this.api.get("/api/v1/profiles", "segment=" + segment + "&size=2&page=1", null);
		assertThat((List<String>) JsonPath.read(second.body(), "$.profiles[*].userId"))
			.containsExactly("seg-user-1-" + segment);
		assertThat((Boolean) JsonPath.read(second.body(), "$.hasMore")).isFalse();
		assertThat((String) JsonPath.read(second.body(), "$.profiles[0].offline.segment_id")).isEqualTo(segment);
	}

	private MongoCollection<Document> profiles() {
		return this.profileDatabase.getCollection(UserProfileDocument.COLLECTION);
	}

	private MongoCollection<Document> tombstones() {
		return this.profileDatabase.getCollection(UserProfileDocument.ERASURES_COLLECTION);
	}

}
