package io.pulsehub.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import io.pulsehub.sync.admin.DriftChecker;
import io.pulsehub.sync.strategy.WriteBehindBuffer;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance dies with a write-behind burst in its buffer (in-process stand-in for kill
 * -9: the buffer is dropped unflushed and no offset past it was committed); the instance
 * that takes over re-reads the burst and the drift check finds no mismatch. The instances
 * use a Redis database, a MongoDB database and a consumer group of their own, so no other
 * instance writes for them.
 */
@LocalStackTest(services = { Service.REDIS, Service.KAFKA, Service.MONGO })
class WriteBehindCrashIntegrationTests {

	private static final String DATABASE = "sync-crash";

	private static final String[] SETTINGS = { "pulsehub.mongo.database=" + DATABASE,
			"pulsehub.sync.consumer.group-id=sync-crash" };

	private static final int REDIS_DATABASE = 5;

	@Test
	void aCrashDuringAWriteBehindBurstLosesNothing() {
		List<String> users = new ArrayList<>();
		try (ConfigurableApplicationContext doomed = SyncInstances.start(REDIS_DATABASE,
				with("pulsehub.sync.scheduling.write-behind-max-delay=10m",
						"pulsehub.sync.scheduling.write-behind-max-batch=100000",
						"pulsehub.sync.scheduling.flush-on-shutdown=false"));
				Changes changes = new Changes()) {
			StringRedisTemplate redis = doomed.getBean(StringRedisTemplate.class);
			for (int i = 0; i < 200; i++) {
				String user = SyncIntegrationTests.user();
				users.add(user);
				redis.opsForHash().putAll(RedisLayout.profileKey(user), SyncIntegrationTests.realtime(9, 0));
				for (int version = 7; version <= 9; version++) {
					changes.publish(user, ChangeKind.REALTIME, EventType.PAGE_VIEW, version,
							List.of("rt.count.page_view"));
				}
			}
			changes.flush();
			WriteBehindBuffer buffer = doomed.getBean(WriteBehindBuffer.class);
			await().atMost(Duration.ofSeconds(60)).until(() -> buffer.size() >= users.size());
		}
		assertThat(storedDocuments()).isZero();
		try (ConfigurableApplicationContext successor = SyncInstances.start(REDIS_DATABASE, SETTINGS)) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> assertThat(storedDocuments()).isEqualTo(users.size()));
			DriftChecker.DriftReport drift = successor.getBean(DriftChecker.class).check(1000);
			assertThat(drift.compared()).isEqualTo(users.size());
			assertThat(drift.mismatches()).isEmpty();
		}
	}

	private static long storedDocuments() {
		try (MongoClient client = MongoClients.create(LocalStack.mongo().connectionString())) {
			return client.getDatabase(DATABASE).getCollection(UserProfileDocument.COLLECTION).countDocuments();
		}
	}

	private static String[] with(String... more) {
		List<String> all = new ArrayList<>(List.of(SETTINGS));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
