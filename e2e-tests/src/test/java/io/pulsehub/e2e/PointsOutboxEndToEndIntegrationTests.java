package io.pulsehub.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.jayway.jsonpath.JsonPath;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pulsehub.contracts.profile.PointsFields;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.localstack.junit.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.pulsehub.e2e.MeshHttp.DEV_API_KEY;
import static io.pulsehub.e2e.MeshHttp.apiKey;
import static io.pulsehub.e2e.MeshHttp.get;
import static io.pulsehub.e2e.MeshHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Points commands through the gateway survive a SIGKILL of points-service: once between
 * the commit and the outbox relay's publish (the relay held back by
 * {@code PULSEHUB_POINTS_OUTBOX_RELAYENABLED=false}), once in the middle of a command
 * burst with the relay running. Afterwards every ledger event is on {@code points-events}
 * (duplicates allowed: at-least-once) and the balance in Redis and behind {@code GET
 * /api/v1/points/{userId}} is the ledger's sum: nothing lost, nothing applied twice.
 * points-service ends in its normal environment.
 */
@ExtendWith(MeshExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PointsOutboxEndToEndIntegrationTests {

	private static final String POINTS = "points-service";

	private static final String RELAY_OFF = "PULSEHUB_POINTS_OUTBOX_RELAYENABLED";

	private static final Duration CONVERGE = Duration.ofSeconds(90);

	private static Mesh mesh;

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> redis;

	@BeforeAll
	static void useMesh(Mesh running) {
		mesh = running;
		client = RedisClient.create(LocalStack.redis().url());
		redis = client.connect();
	}

	@AfterAll
	static void close() {
		redis.close();
		client.shutdown();
	}

	@Test
	@Order(1)
	void publishesCommittedCommandsAfterAKillNineBeforeTheRelayRan() throws Exception {
		List<String> users = PointsTrail.users("e2e-pts-held-" + PointsTrail.run(), 4);
		PointsTrail trail = new PointsTrail(users);
		boolean normal = false;
		try {
			mesh.restart(POINTS, Map.of(RELAY_OFF, "false"));
			awaitRoutable();
			for (String user : users) {
				assertCreated(command(user, "earn", 100, user + "-e1"));
				assertCreated(command(user, "earn", 50, user + "-e2"));
				assertCreated(command(user, "spend", 30, user + "-s1"));
				HttpResponse<String> replay = command(user, "spend", 30, user + "-s1");
				assertCreated(replay);
				assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
			}
			assertThat(trail.unsentEvents()).as("committed, not published").isEqualTo(3L * users.size());
			assertThat(redis.sync().hget(RedisLayout.profileKey(users.get(0)), PointsFields.VERSION)).isNull();
			mesh.killAndRestart(POINTS, () -> {
			});
			normal = true;
		}
		finally {
			if (!normal) {
				mesh.restart(POINTS, Map.of());
			}
		}
		awaitRoutable();
		assertConverged(trail, users, 3);
	}

	@Test
	@Order(2)
	void losesNothingAndAppliesNothingTwiceWhenKilledInTheMiddleOfABurst() throws Exception {
		List<String> users = PointsTrail.users("e2e-pts-burst-" + PointsTrail.run(), 16);
		PointsTrail trail = new PointsTrail(users);
		awaitRoutable();
		List<Worker> workers = new ArrayList<>();
		AtomicInteger created = new AtomicInteger();
		AtomicBoolean halt = new AtomicBoolean();
		for (int w = 0; w < 4; w++) {
			workers.add(new Worker(users.subList(w * 4, w * 4 + 4), created, halt));
		}
		List<Thread> threads = workers.stream().map((worker) -> Thread.ofVirtual().start(worker::run)).toList();
		await().atMost(CONVERGE).until(() -> created.get() >= 60);
		int plannedPerWorker = Worker.PER_USER * 4;
		mesh.killAndRestart(POINTS, () -> {
			halt.set(true);
			threads.forEach(PointsOutboxEndToEndIntegrationTests::join);
		});
		assertThat(workers).as("the kill came before the burst ended")
			.anyMatch((worker) -> worker.next < plannedPerWorker);
		awaitRoutable();
		// Resume: the command whose answer the kill swallowed is sent again under its key
		// (replayed if it had committed), then the rest of the burst.
		for (Worker worker : workers) {
			while (worker.next < plannedPerWorker) {
				int index = worker.next;
				await().atMost(Duration.ofSeconds(60)).until(() -> worker.send(index));
				worker.next++;
			}
		}
		long[] rowsAndKeys = trail.ledgerRowsAndDistinctKeys();
		assertThat(rowsAndKeys[0]).as("one ledger event per command").isEqualTo((long) plannedPerWorker * 4);
		assertThat(rowsAndKeys[1]).as("no key applied twice").isEqualTo(rowsAndKeys[0]);
		assertConverged(trail, users, Worker.PER_USER);
		for (String user : users) {
			assertThat(trail.ledgerSums()).containsEntry(user, (long) Worker.expectedBalance());
		}
	}

	private static void assertConverged(PointsTrail trail, List<String> users, long eventsPerUser) throws Exception {
		Map<String, Long> sums = trail.ledgerSums();
		Map<String, Long> counts = trail.ledgerCounts();
		assertThat(counts).hasSize(users.size())
			.allSatisfy((user, count) -> assertThat(count).isEqualTo(eventsPerUser));
		Set<String> eventIds = trail.ledgerEventIds();
		await().atMost(CONVERGE).untilAsserted(() -> {
			assertThat(trail.unsentEvents()).isZero();
			assertThat(trail.publishedEventIds().keySet()).as("every ledger event on " + PointsTrail.TOPIC)
				.containsAll(eventIds);
			for (String user : users) {
				Map<String, String> profile = redis.sync().hgetall(RedisLayout.profileKey(user));
				assertThat(profile).as(user)
					.containsEntry(PointsFields.BALANCE, Long.toString(sums.get(user)))
					.containsEntry(PointsFields.VERSION, Long.toString(counts.get(user)));
			}
		});
		for (String user : users) {
			HttpResponse<String> balance = get(mesh.app("gateway").uri("/api/v1/points/" + user), apiKey(DEV_API_KEY));
			assertThat(balance.statusCode()).as(balance.body()).isEqualTo(200);
			assertThat(((Number) JsonPath.read(balance.body(), "$.balance")).longValue()).isEqualTo(sums.get(user));
			assertThat(((Number) JsonPath.read(balance.body(), "$.version")).longValue()).isEqualTo(counts.get(user));
		}
	}

	/**
	 * After a restart the gateway may still have the instance's circuit open or not know
	 * it again yet.
	 */
	private static void awaitRoutable() {
		await().atMost(CONVERGE)
			.untilAsserted(() -> assertThat(
					get(mesh.app("gateway").uri("/api/v1/points/_ping"), apiKey(DEV_API_KEY)).statusCode())
				.isEqualTo(200));
	}

	static HttpResponse<String> command(String user, String operation, long amount, String key) throws Exception {
		return post(mesh.app("gateway").uri("/api/v1/points/" + user + "/" + operation),
				"{\"amount\": " + amount + ", \"reason\": \"e2e " + operation + "\"}", apiKey(DEV_API_KEY),
				Map.of("Idempotency-Key", key));
	}

	private static void assertCreated(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends its users' commands in a fixed order (per user alternately an earn of 10 and
	 * a spend of 3, round robin over the users) until halted or a command gets no 201;
	 * that command's outcome is unknown and is the one to send again.
	 */
	private static final class Worker {

		/**
		 * Commands per user: at most 10 earns a user, under the velocity rule's 20/min.
		 */
		static final int PER_USER = 12;

		private final List<String> users;

		private final AtomicInteger created;

		private final AtomicBoolean halt;

		private final String run = PointsTrail.run();

		private volatile int next;

		Worker(List<String> users, AtomicInteger created, AtomicBoolean halt) {
			this.users = users;
			this.created = created;
			this.halt = halt;
		}

		static long expectedBalance() {
			return (PER_USER / 2) * (10 - 3);
		}

		void run() {
			while (!this.halt.get() && this.next < PER_USER * this.users.size()) {
				if (send(this.next)) {
					this.next++;
					this.created.incrementAndGet();
				}
				else {
					// outcome unknown: the same command again (same key) after a pause
					LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
				}
			}
		}

		boolean send(int index) {
			String user = this.users.get(index % this.users.size());
			int round = index / this.users.size();
			boolean earn = round % 2 == 0;
			try {
				return command(user, earn ? "earn" : "spend", earn ? 10 : 3, this.run + "-" + index)
					.statusCode() == 201;
			}
			catch (Exception ex) {
				return false;
			}
		}

	}

}
