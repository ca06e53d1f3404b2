package io.pulsehub.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.profile.ProfileSection;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.sync.store.WriteResult;
import io.pulsehub.sync.strategy.ProfileSync;
import io.pulsehub.sync.strategy.StrategyName;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each strategy moves data from Redis to MongoDB as the router picks it, and the version
 * guard keeps newer data.
 */
@SyncServiceTest
class SyncIntegrationTests {

	private static Changes changes;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MongoDatabase syncDatabase;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ProfileSync sync;

	@BeforeAll
	static void openTopic() {
		changes = new Changes();
	}

	@AfterAll
	static void closeTopic() {
		changes.close();
	}

	static String user() {
		return "u-" + UUID.randomUUID();
	}

	static Map<String, String> realtime(long version, long purchases) {
		return Map.of("rt.version", Long.toString(version), "rt.updated_at", Instant.now().toString(),
				"rt.count.purchase", Long.toString(purchases), "rt.count.page_view", Long.toString(version),
				"rt.views_5m", "300/10|1000:" + version);
	}

	@Test
	void writesPurchasesThroughAtOnce() {
		String user = user();
		this.redis.opsForHash().putAll(RedisLayout.profileKey(user), realtime(3, 1));
		double before = routed(StrategyName.WRITE_THROUGH);
		changes.publish(user, ChangeKind.REALTIME, EventType.PURCHASE, 3, List.of("rt.count.purchase"));
		Document document = awaitDocument(user, "realtime", 3);
		assertThat(document.get("realtime", Document.class).get("counts", Document.class)).containsEntry("purchase",
				1L);
		assertThat(document.getInteger("schemaVersion")).isEqualTo(2);
		assertThat(document.getString("userId")).isEqualTo(user);
		assertThat(routed(StrategyName.WRITE_THROUGH)).isGreaterThan(before);
	}

	@Test
	void coalescesPageViewsBehindAndFlushesThemAsOneWrite() {
		String user = user();
		this.redis.opsForHash().putAll(RedisLayout.profileKey(user), realtime(20, 0));
		double before = routed(StrategyName.WRITE_BEHIND);
		for (int version = 1; version <= 20; version++) {
			changes.publish(user, ChangeKind.REALTIME, EventType.PAGE_VIEW, version, List.of("rt.count.page_view"));
		}
		changes.flush();
		awaitDocument(user, "realtime", 20);
		assertThat(routed(StrategyName.WRITE_BEHIND)).isGreaterThanOrEqualTo(before + 20);
	}

	@Test
	void routesAddToCartAndLoginBehindWithTheOtherEngagement() {
		String user = user();
		this.redis.opsForHash().putAll(RedisLayout.profileKey(user), realtime(2, 0));
		double behind = routed(StrategyName.WRITE_BEHIND);
		changes.publish(user, ChangeKind.REALTIME, EventType.ADD_TO_CART, 1, List.of("rt.count.add_to_cart"));
		changes.publish(user, ChangeKind.REALTIME, EventType.LOGIN, 2, List.of("rt.count.login"));
		changes.flush();
		awaitDocument(user, "realtime", 2);
		// both routed behind (they went through, as the default, before)
		assertThat(routed(StrategyName.WRITE_BEHIND)).isGreaterThanOrEqualTo(behind + 2);
	}

	@Test
	void marksOfflineChangesDirtyForTheDrainer() {
		String user = user();
		this.redis.opsForHash()
			.putAll(RedisLayout.profileKey(user), Map.of("off.segment_id", "vip", "off.ltv_total", "125000",
					"off.version", "2", "off.updated_at", Instant.now().toString()));
		double before = routed(StrategyName.SCHEDULED);
		changes.publish(user, ChangeKind.OFFLINE, null, 2, List.of("off.segment_id"));
		Document document = awaitDocument(user, "offline", 2);
		assertThat(document.get("offline", Document.class)).containsEntry("segment_id", "vip");
		assertThat(routed(StrategyName.SCHEDULED)).isGreaterThan(before);
	}

	@Test
	void skipsVolatileFields() {
		String user = user();
		this.redis.opsForHash()
			.putAll(RedisLayout.profileKey(user), Map.of("rt.version", "7", "rt.trending_score", "0.4"));
		double before = routed(StrategyName.SKIP);
		changes.publish(user, ChangeKind.REALTIME, EventType.PAGE_VIEW, 7, List.of("rt.trending_score"));
		changes.flush();
		await().atMost(Duration.ofSeconds(20)).until(() -> routed(StrategyName.SKIP) > before);
		assertThat(profiles().find(Filters.eq("_id", user)).first()).isNull();
	}

	@Test
	void neverOverwritesANewerSectionWithAStaleChange() {
		String user = user();
		Document newer = new Document("_id", user).append("userId", user)
			.append("schemaVersion", 2)
			.append("realtime", new Document("counts", new Document("page_view", 10L)))
			.append("sources", new Document("realtime", new Document("version", 10L)));
		profiles().insertOne(newer);
		this.redis.opsForHash().putAll(RedisLayout.profileKey(user), realtime(5, 0));
		WriteResult stale = this.sync.sync(Map.of(user, Set.of(ProfileSection.REALTIME)), Map.of(),
				StrategyName.WRITE_THROUGH);
		assertThat(stale.stale()).isEqualTo(1);
		assertThat(stale.written()).isZero();
		assertThat(version(user, "realtime")).isEqualTo(10L);
		// the same stale change through Kafka: consumed, counted stale, nothing
		// overwritten
		double staleBefore = staleSections();
		changes.publish(user, ChangeKind.REALTIME, EventType.PURCHASE, 5, List.of("rt.count.purchase"));
		changes.flush();
		await().atMost(Duration.ofSeconds(30)).until(() -> staleSections() > staleBefore);
		assertThat(version(user, "realtime")).isEqualTo(10L);
		this.redis.opsForHash().putAll(RedisLayout.profileKey(user), realtime(11, 2));
		WriteResult fresh = this.sync.sync(Map.of(user, Set.of(ProfileSection.REALTIME)), Map.of(),
				StrategyName.WRITE_THROUGH);
		assertThat(fresh.written()).isEqualTo(1);
		assertThat(version(user, "realtime")).isEqualTo(11L);
	}

	@Test
	void upgradesADocumentOfTheOldFlatShapeInsteadOfHidingIt() {
		String user = user();
		profiles().insertOne(new Document("_id", user).append("pageViews", 17)
			.append("segment", "legacy")
			.append("email", "ann@example.com")
			.append("updatedAt", Date.from(Instant.parse("2025-01-01T00:00:00Z"))));
		this.redis.opsForHash().putAll(RedisLayout.profileKey(user), realtime(30, 1));
		WriteResult result = this.sync.sync(Map.of(user, Set.of(ProfileSection.REALTIME)), Map.of(),
				StrategyName.WRITE_THROUGH);
		assertThat(result.written()).isEqualTo(1);
		Document upgraded = profiles().find(Filters.eq("_id", user)).first();
		assertThat(upgraded.getInteger("schemaVersion")).isEqualTo(2);
		assertThat(upgraded.get("offline", Document.class)).containsEntry("segment_id", "legacy");
		assertThat(upgraded.get("attributes", Document.class)).containsEntry("email", "ann@example.com");
		assertThat(version(user, "realtime")).isEqualTo(30L);
	}

	@Test
	void readsRedisOnItsSharedConnectionWithoutOpeningOnePerSync() {
		List<String> users = List.of(user(), user(), user());
		users.forEach((user) -> this.redis.opsForHash().putAll(RedisLayout.profileKey(user), realtime(4, 0)));
		this.redis.opsForValue().set(RedisLayout.erasedKey(users.get(2)), "erased");
		long connectionsBefore = connectionsReceived();
		for (int i = 0; i < 20; i++) {
			this.sync.sync(Map.of(users.get(0), Set.of(ProfileSection.REALTIME)), Map.of(), StrategyName.WRITE_THROUGH);
		}
		WriteResult batch = this.sync.sync(
				Map.of(users.get(1), Set.of(ProfileSection.REALTIME), users.get(2), Set.of(ProfileSection.REALTIME)),
				Map.of(), StrategyName.WRITE_THROUGH);
		// before, each sync opened (and closed) a connection of its own for its pipeline
		assertThat(connectionsReceived() - connectionsBefore).isLessThan(5);
		assertThat(version(users.get(0), "realtime")).isEqualTo(4L);
		assertThat(version(users.get(1), "realtime")).isEqualTo(4L);
		assertThat(profiles().find(Filters.eq("_id", users.get(2))).first()).isNull();
		assertThat(batch.written()).isEqualTo(1);
	}

	private long connectionsReceived() {
		Properties stats = this.redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("stats"));
		return Long.parseLong(stats.getProperty("total_connections_received"));
	}

	private Document awaitDocument(String user, String section, long version) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(version(user, section)).isEqualTo(version));
		return profiles().find(Filters.eq("_id", user)).first();
	}

	private Object version(String user, String section) {
		Document document = profiles().find(Filters.eq("_id", user)).first();
		if (document == null) {
			return null;
		}
		Document sources = document.get("sources", Document.class);
		Document source = (sources != null) ? sources.get(section, Document.class) : null;
		return (source != null) ? source.get("version") : null;
	}

	private double routed(StrategyName strategy) {
		return this.meters.get("pulsehub.sync.routed").tag("strategy", strategy.name()).counter().count();
	}

	private double staleSections() {
		return this.meters.get("pulsehub.sync.sections")
			.tags("strategy", StrategyName.WRITE_THROUGH.name(), "outcome", "stale")
			.counter()
			.count();
	}

	private MongoCollection<Document> profiles() {
		return this.syncDatabase.getCollection(UserProfileDocument.COLLECTION);
	}

}
