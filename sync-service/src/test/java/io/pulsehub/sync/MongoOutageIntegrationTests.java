package io.pulsehub.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.localstack.junit.LocalStack;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB stops: write-through and write-behind changes degrade to SCHEDULED (consumption
 * goes on), and every change arrives once MongoDB is back.
 */
@SyncServiceTest
class MongoOutageIntegrationTests {

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MongoDatabase syncDatabase;

	@Autowired
	private CircuitBreaker mongoCircuitBreaker;

	@Autowired
	private MeterRegistry meters;

	@Test
	void degradesToScheduledWhileMongoIsDownAndCatchesUpAfter() {
		List<String> users = new ArrayList<>();
		double degradedBefore = degraded("WRITE_THROUGH") + degraded("WRITE_BEHIND");
		try (Changes changes = new Changes()) {
			LocalStack.mongo().stop();
			try {
				for (int i = 0; i < 12; i++) {
					String user = SyncIntegrationTests.user();
					users.add(user);
					this.redis.opsForHash().putAll(RedisLayout.profileKey(user), SyncIntegrationTests.realtime(4, 1));
					changes.publish(user, ChangeKind.REALTIME, (i % 2 == 0) ? EventType.PURCHASE : EventType.CLICK, 4,
							List.of("rt.count.purchase"));
				}
				changes.flush();
				// consumption goes on: every change is degraded, none waits for MongoDB
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> degraded("WRITE_THROUGH") + degraded("WRITE_BEHIND") >= degradedBefore + 12);
				assertThat(this.mongoCircuitBreaker.getState()).isNotEqualTo(CircuitBreaker.State.CLOSED);
			}
			finally {
				LocalStack.mongo().start();
			}
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			long arrived = this.syncDatabase.getCollection(UserProfileDocument.COLLECTION)
				.countDocuments(Filters.in("_id", users));
			assertThat(arrived).isEqualTo(users.size());
		});
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.mongoCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED));
	}

	private double degraded(String strategy) {
		return this.meters.get("pulsehub.sync.degraded").tag("strategy", strategy).counter().count();
	}

}
