package io.pulsehub.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.pulsehub.e2e.MeshHttp.DEV_API_KEY;
import static io.pulsehub.e2e.MeshHttp.admin;
import static io.pulsehub.e2e.MeshHttp.apiKey;
import static io.pulsehub.e2e.MeshHttp.get;
import static io.pulsehub.e2e.MeshHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sync-service as operators meet it, with a second instance next to the mesh's: a
 * route switched through the gateway is in force on both, and a kill -9 of the instance
 * holding unflushed write-behind changes loses none of them.
 */
@ExtendWith(MeshExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndIntegrationTests {

	/** Attribute edits: WRITE_THROUGH in config-repo/sync-service.yml. */
	private static final String ROUTE = "attributes";

	private static final String ROUTES = "/admin/sync/routes/";

	private static final int USERS = 200;

	private static final int ROUNDS = 3;

	private static final int CLIENTS = 8;

	/**
	 * The second instance flushes its write-behind buffer only when it is full (500
	 * users, more than it gets here) or stops gracefully: what it buffers is provably
	 * unflushed when it is killed.
	 */
	private static final Map<String, String> HOLDS_ITS_BUFFER = Map.of("PULSEHUB_SYNC_WRITE_BEHIND_MAX_DELAY", "10m");

	private static Mesh mesh;

	private static MeshApp second;

	private static SyncObserver observer;

	@BeforeAll
	static void startASecondInstance(Mesh running) throws Exception {
		mesh = running;
		observer = new SyncObserver();
		second = mesh.startExtra("sync-service", HOLDS_ITS_BUFFER);
	}

	@AfterAll
	static void leaveTheMeshAsFound() throws Exception {
		try {
			if (second != null) {
				send("DELETE", gateway(ROUTES + ROUTE), null, null, admin());
				mesh.stopExtra(second);
				awaitGatewayForgetsTheSecondInstance();
			}
		}
		finally {
			if (observer != null) {
				observer.close();
			}
		}
	}

	/**
	 * Later tests call /admin/sync/** through the gateway, which keeps a stopped instance
	 * for a few seconds (registry fetch, load-balancer cache). Few calls meanwhile, so as
	 * not to trip its circuit breaker.
	 */
	private static void awaitGatewayForgetsTheSecondInstance() {
		Set<String> first = Set.of(instanceId(mesh.app("sync-service")));
		AtomicInteger streak = new AtomicInteger();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> (answering(2).equals(first) ? streak.incrementAndGet() : streak.getAndSet(0)) >= 3);
	}

	@Test
	@Order(1)
	void switchesARouteThroughTheGatewayOnEveryInstance() throws Exception {
		List<MeshApp> instances = List.of(mesh.app("sync-service"), second);
		// both registered with Eureka: the gateway sends admin calls to either
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> answering(6).equals(Set.of(instanceId(instances.get(0)), instanceId(instances.get(1)))));
		HttpResponse<String> put = switchRoute("SCHEDULED");
		assertThat((String) JsonPath.read(put.body(), "$.source")).isEqualTo("override");
		for (MeshApp instance : instances) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(observer.route(instance, ROUTE)).as(instance.name())
					.containsExactly("SCHEDULED", "override"));
		}
		HttpResponse<String> audit = get(gateway("/admin/sync/audit?limit=1"), admin());
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(audit.body(), "$[0].routeId")).isEqualTo(ROUTE);
		assertThat((String) JsonPath.read(audit.body(), "$[0].by")).isEqualTo(Mesh.ADMIN_USER);
		assertThat((String) JsonPath.read(audit.body(), "$[0].to")).isEqualTo("SCHEDULED");
		HttpResponse<String> reset = send("DELETE", gateway(ROUTES + ROUTE), null, null, admin());
		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(reset.body(), "$.strategy")).isEqualTo("WRITE_THROUGH");
		for (MeshApp instance : instances) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(observer.route(instance, ROUTE)).as(instance.name())
					.containsExactly("WRITE_THROUGH", "config"));
		}
	}

	@Test
	@Order(2)
	void losesNoWriteBehindChangeWhenTheInstanceHoldingThemIsKilled() throws Exception {
		MeshApp first = mesh.app("sync-service");
		assertThat(observer.profilesInRedis()).as("the drift check samples at most 1000 users in scan order")
			.isLessThanOrEqualTo(1000 - USERS);
		// two instances, two consumers each, every one with partitions of profile-changes
		await().atMost(Duration.ofSeconds(90)).until(() -> observer.groupSettled(4));
		switchRoute("WRITE_BEHIND");
		for (MeshApp instance : List.of(first, second)) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(observer.route(instance, ROUTE)).containsExactly("WRITE_BEHIND", "override"));
		}
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			users.add("e2e-sync-" + run + "-" + i);
		}
		Map<String, Long> versions = new ConcurrentHashMap<>();
		for (int round = 1; round <= ROUNDS; round++) {
			patchAll(users, round, versions);
		}
		// the mesh's instance flushes within 500 ms; the second holds what its partitions
		// brought, and MongoDB lacks those users
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(observer.writeBehindBacklog(first)).isZero();
			long held = observer.writeBehindBacklog(second);
			assertThat(held).isPositive();
			assertThat(drifted(users)).isNotEmpty().hasSizeLessThanOrEqualTo((int) held);
		});
		mesh.killAndRestart(second, Map.of(), () -> patchAll(users, ROUNDS + 1, versions));
		// the restarted instance (or the first, whichever the rebalance gives the
		// partitions)
		// consumes again from the last committed offsets: the changes that were in the
		// buffer
		await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(drifted(users)).isEmpty();
			for (String user : users) {
				assertSynced(user, ROUNDS + 1, versions.get(user));
			}
		});
		HttpResponse<String> reset = send("DELETE", gateway(ROUTES + ROUTE), null, null, admin());
		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
	}

	private static void assertSynced(String user, int round, long version) {
		Document document = observer.document(user);
		assertThat(document).as(user).isNotNull();
		Document attributes = document.get("attributes", Document.class);
		assertThat(attributes.get("round")).as(user).isEqualTo(round);
		assertThat(attributes.get("tag")).as(user).isEqualTo("r" + round + "-" + user);
		Number stored = document.get("sources", Document.class)
			.get("attributes", Document.class)
			.get("version", Number.class);
		assertThat(stored.longValue()).as(user).isEqualTo(version);
	}

	/** Merge-patches every user's attributes through the gateway, from a few clients. */
	private static void patchAll(List<String> users, int round, Map<String, Long> versions) {
		AtomicInteger next = new AtomicInteger();
		List<Thread> clients = new ArrayList<>();
		Map<String, String> failures = new ConcurrentHashMap<>();
		for (int c = 0; c < CLIENTS; c++) {
			clients.add(Thread.ofVirtual().start(() -> {
				for (int i = next.getAndIncrement(); i < users.size(); i = next.getAndIncrement()) {
					String user = users.get(i);
					try {
						HttpResponse<String> patched = send("PATCH",
								gateway("/api/v1/profiles/" + user + "/attributes"), "application/merge-patch+json",
								"{\"round\":" + round + ",\"tag\":\"r" + round + "-" + user + "\"}",
								apiKey(DEV_API_KEY));
						if (patched.statusCode() == 200) {
							versions.put(user, ((Number) JsonPath.read(patched.body(), "$.version")).longValue());
						}
						else {
							failures.put(user, patched.statusCode() + " " + patched.body());
						}
					}
					catch (Exception ex) {
						failures.put(user, ex.toString());
					}
				}
			}));
		}
		for (Thread client : clients) {
			try {
				client.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		assertThat(failures).as("patches of round " + round).isEmpty();
	}

	/** The given users the drift check finds different in MongoDB. */
	private static Set<String> drifted(List<String> users) throws Exception {
		HttpResponse<String> drift = get(gateway("/admin/sync/drift?sample=1000"), admin());
		assertThat(drift.statusCode()).as(drift.body()).isEqualTo(200);
		Set<String> drifted = new HashSet<>(JsonPath.<List<String>>read(drift.body(), "$.mismatches[*].userId"));
		drifted.retainAll(users);
		return drifted;
	}

	private static HttpResponse<String> switchRoute(String strategy) throws Exception {
		HttpResponse<String> put = send("PUT", gateway(ROUTES + ROUTE), "application/json",
				"{\"strategy\":\"" + strategy + "\"}", admin());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(put.body(), "$.strategy")).isEqualTo(strategy);
		return put;
	}

	/** The sync-service instances that answer a number of pings through the gateway. */
	private static Set<String> answering(int pings) throws Exception {
		Set<String> instances = new HashSet<>();
		for (int i = 0; i < pings; i++) {
			HttpResponse<String> ping = get(gateway("/admin/sync/ping"), admin());
			instances.add((ping.statusCode() == 200) ? JsonPath.read(ping.body(), "$.instance") : "none");
		}
		return instances;
	}

	private static String instanceId(MeshApp instance) {
		return "sync-service:" + instance.port();
	}

	private static URI gateway(String path) {
		return mesh.app("gateway").uri(path);
	}

}
