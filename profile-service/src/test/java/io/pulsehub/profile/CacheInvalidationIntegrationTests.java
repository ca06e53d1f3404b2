package io.pulsehub.profile;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.profile.cache.ProfileCache;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service instances on the same servers, with an L1 TTL far longer than the test: a
 * change reaches the other instance's cache only through {@code profile-changes}.
 */
@ProfileIntegrationTest
@TestPropertySource(properties = "pulsehub.profile.cache.ttl=10m")
class CacheInvalidationIntegrationTests {

	private static final String PATH = "/api/v1/profiles/";

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MongoDatabase profileDatabase;

	@Autowired
	private MeterRegistry registry;

	private ConfigurableApplicationContext second;

	@AfterEach
	void stopTheSecondInstance() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void evictsAChangedUserFromTheCacheOfEveryInstance() throws Exception {
		String recent = ProfileReadIntegrationTests.user();
		Document document = ProfileReadIntegrationTests.currentDocument(recent, recent);
		document.put(UserProfileDocument.UPDATED_AT, Date.from(Instant.parse("2099-01-01T00:00:00Z")));
		this.profileDatabase.getCollection(UserProfileDocument.COLLECTION).insertOne(document);
		this.second = startSecondInstance();
		ProfileApi first = new ProfileApi(this.port);
		ProfileApi other = new ProfileApi(
				Integer.parseInt(this.second.getEnvironment().getProperty("local.server.port")));
		// prewarmed at start-up: the most recently updated user is cached before any read
		ProfileCache otherCache = this.second.getBean(ProfileCache.class);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(otherCache.get(recent)).isNotNull());
		assertThat(other.get(PATH + recent).headers().firstValue("X-Profile-Source")).hasValue("l1");

		String user = ProfileReadIntegrationTests.user();
		String key = RedisLayout.profileKey(user);
		this.redis.opsForHash().putAll(key, Map.of("attr.tier", "\"bronze\"", "attr.version", "1"));
		for (ProfileApi api : new ProfileApi[] { first, other }) {
			assertThat(tier(api.get(PATH + user))).isEqualTo("bronze");
			HttpResponse<String> cached = api.get(PATH + user);
			assertThat(cached.headers().firstValue("X-Profile-Source")).hasValue("l1");
		}
		// another writer changes Redis: both instances still answer their cached copy ...
		this.redis.opsForHash().putAll(key, Map.of("attr.tier", "\"silver\"", "attr.version", "2"));
		assertThat(tier(first.get(PATH + user))).isEqualTo("bronze");
		assertThat(tier(other.get(PATH + user))).isEqualTo("bronze");
		// ... until its ProfileChanged arrives (published again until both consumers
		// joined)
		try (ChangeTopic changes = new ChangeTopic()) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				changes.publish(user, ChangeKind.ATTRIBUTES, 2, Instant.now());
				assertThat(tier(first.get(PATH + user))).isEqualTo("silver");
				assertThat(tier(other.get(PATH + user))).isEqualTo("silver");
			});
		}
		// a patch on one instance reaches the other's cache through its own change event
		assertThat(first.patch(PATH + user + "/attributes", "{\"tier\":\"gold\"}").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(tier(other.get(PATH + user))).isEqualTo("gold"));
	}

	@Test
	void remembersAnUnknownUserUntilTheirFirstChange() throws Exception {
		ProfileApi api = new ProfileApi(this.port);
		String user = ProfileReadIntegrationTests.user();
		ProblemAssert.assertProblem(api.get(PATH + user), 404, "profile-not-found");
		// a writer creates the user; until its change arrives, the known absence is
		// served
		// from L1 without asking Redis and MongoDB again
		this.redis.opsForHash()
			.putAll(RedisLayout.profileKey(user), Map.of("attr.tier", "\"bronze\"", "attr.version", "1"));
		ProblemAssert.assertProblem(api.get(PATH + user), 404, "profile-not-found");
		assertThat(this.registry.get("pulsehub.profile.read.lookups")
			.tag("level", "l1")
			.tag("result", "absent")
			.counter()
			.count()).isPositive();
		try (ChangeTopic changes = new ChangeTopic()) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				changes.publish(user, ChangeKind.ATTRIBUTES, 1, Instant.now());
				assertThat(tier(api.get(PATH + user))).isEqualTo("bronze");
			});
		}
	}

	private static String tier(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.attributes.tier");
	}

	private static ConfigurableApplicationContext startSecondInstance() {
		return new SpringApplicationBuilder(ProfileServiceApplication.class).run(
				"--spring.config.import=file:../config-repo/application.yml,file:../config-repo/profile-service.yml",
				"--spring.cloud.config.enabled=false", "--eureka.client.enabled=false", "--server.port=0",
				"--pulsehub.security.internal.secret=" + ProfileApi.SECRET, "--pulsehub.mongo.database=pulsehub-test",
				"--pulsehub.profile.cache.ttl=10m", "--pulsehub.profile.cache.prewarm-size=5",
				"--spring.data.redis.url=" + LocalStack.redis().url(),
				"--spring.kafka.bootstrap-servers=" + LocalStack.kafka().bootstrapServers(),
				"--spring.mongodb.uri=" + LocalStack.mongo().connectionString());
	}

}
