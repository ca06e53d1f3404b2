package io.pulsehub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.mesh.security.InternalCallSignature;

/**
 * Profile reads ({@code GET /api/v1/profiles/{id}}) through the gateway and straight to
 * profile-service, each next to its ceiling measured in the same run (raw Redis
 * {@code HGETALL}), first reads of users only in MongoDB (the fallback), then a paced
 * 1,000 req/s through the gateway with the share each cache level answered. Seeds its own
 * users first (attributes through the API, one event each so real-time tags exist).
 * Writes a markdown report; run by {@code ./pulsehub bench-profile}.
 */
public final class ProfileBenchmark {

	static final int USERS = 2_000;

	/** Users seeded, then removed from Redis: each is read once, from MongoDB. */
	static final int COLD_USERS = 2_000;

	static final int CLIENTS = 32;

	static final double PACED_RATE = 1_000;

	private static final int SEED_CLIENTS = 16;

	private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration SETTLE_GRACE = Duration.ofSeconds(3);

	/** Which level answered a read: l1 (in-process cache), l2 (Redis), l3 (MongoDB). */
	static final String SOURCE_HEADER = "X-Profile-Source";

	private static final String PROFILES = "/api/v1/profiles/";

	private static final String BENCH_PRINCIPAL = "bench";

	private final BenchSettings settings;

	private final HttpLoad load = new HttpLoad();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String run = "bench" + Long.toString(System.currentTimeMillis(), 36);

	private ProfileBenchmark(BenchSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		BenchRun.writeReport(args, "target/bench-profile.md",
				() -> new ProfileBenchmark(BenchSettings.fromEnvironment()).measure());
	}

	private String measure() throws Exception {
		BenchRun.say("waiting until the gateway routes profile reads to profile-service");
		awaitRoutable();
		List<String> users = seed(this.run + "-u", USERS);
		List<String> cold = seed(this.run + "-c", COLD_USERS);
		awaitSettled();
		evictFromRedis(cold);
		Answers.Expect read = Answers.Expect.ok(SOURCE_HEADER);
		BenchRun.say("warm-up: reads through the gateway and direct for " + this.settings.warmup().toSeconds() + " s");
		this.load.run(CLIENTS, this.settings.warmup(), gateway(users), 1, read);
		this.load.run(CLIENTS, this.settings.warmup().dividedBy(3), direct(users), 1, read);
		BenchRun.say("closed loop, " + CLIENTS + " clients: reads through the gateway");
		CpuUsage cpu = CpuUsage.start();
		HttpLoad.Result viaGateway = this.load.run(CLIENTS, this.settings.phase(), gateway(users), 1, read);
		Map<String, Double> gatewayCpu = cpu.percentSinceStart();
		BenchRun.say("closed loop, " + CLIENTS + " clients: reads straight to profile-service");
		cpu = CpuUsage.start();
		HttpLoad.Result direct = this.load.run(CLIENTS, this.settings.phase(), direct(users), 1, read);
		Map<String, Double> directCpu = cpu.percentSinceStart();
		BenchRun.say("closed loop, " + CLIENTS + " clients: first reads of " + cold.size()
				+ " users only in MongoDB, through the gateway");
		HttpLoad.Result mongo = this.load.run(CLIENTS, this.settings.phase(), once(cold), 1, read);
		BenchRun.say("raw Redis HGETALL, " + CLIENTS + " clients on one pipelining connection");
		RedisCeiling.Result redis = new RedisCeiling(this.settings.redis()).run(CLIENTS, this.settings.phase(), users);
		BenchRun.say(String.format(Locale.ROOT, "paced reads through the gateway at %.0f req/s for %d s", PACED_RATE,
				this.settings.phase().toSeconds()));
		cpu = CpuUsage.start();
		PacedLoad.Result paced = new PacedLoad().run(PACED_RATE, 1, this.settings.phase(), gateway(users), read);
		Map<String, Double> pacedCpu = cpu.percentSinceStart();
		return new ProfileReport(this.settings, users.size(), viaGateway, direct, redis, paced,
				new ProfileReport.Cpu(gatewayCpu, directCpu, pacedCpu), new ProfileReport.Fallback(cold.size(), mongo))
			.markdown(Instant.now());
	}

	/**
	 * Right after start-up the gateway may not know profile-service yet; measuring its
	 * fallback (503) would measure nothing. A 404 problem from profile-service for an
	 * unknown user means the route works.
	 */
	private void awaitRoutable() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		HttpRequest probe = HttpRequest
			.newBuilder(URI.create(this.settings.gateway() + PROFILES + this.run + "-nobody"))
			.timeout(Duration.ofSeconds(10))
			.header("X-Api-Key", this.settings.apiKey())
			.GET()
			.build();
		while (!routed(probe)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"the gateway did not route profile reads to profile-service within 2 minutes");
			}
			Thread.sleep(1000);
		}
	}

	private boolean routed(HttpRequest probe) {
		try {
			HttpResponse<String> response = this.http.send(probe, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 404 && response.body().contains("profile-not-found");
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Creates profiles through the gateway: two attributes each (a merge patch) and one
	 * activity event each, so reads fuse attributes and real-time tags.
	 * @param prefix the users' id prefix
	 * @param count how many
	 * @return the users whose patch was answered 200
	 */
	private List<String> seed(String prefix, int count) throws InterruptedException {
		BenchRun.say("seeding " + count + " users: an attribute patch and one event each, through the gateway");
		List<String> users = Collections.synchronizedList(new ArrayList<>());
		Answers patched = new Answers(Answers.Expect.ok(null));
		Answers posted = new Answers(Answers.Expect.ACCEPTED);
		AtomicInteger next = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < SEED_CLIENTS; t++) {
			threads.add(Thread.ofVirtual().start(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					String user = prefix + i;
					if (patched.send(this.http, patch(user))) {
						users.add(user);
					}
					posted.send(this.http, post("/api/v1/events", Events.json(this.run + "e", user)));
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (users.isEmpty()) {
			throw new IllegalStateException("no user could be seeded; patches answered " + patched.failures());
		}
		BenchRun.say("seeded " + users.size() + " users; patches refused or failed " + patched.failures()
				+ ", events refused or failed " + posted.failures());
		return List.copyOf(users);
	}

	/**
	 * Waits until the stream-processor has turned every seed event into tags and the
	 * sync-service has written every resulting change to MongoDB (it commits a
	 * write-behind change only after its flush), so no phase shares the machine with
	 * seeding work and every seeded profile is in MongoDB.
	 */
	private void awaitSettled() throws InterruptedException {
		BenchRun.say("waiting until the stream-processor and the sync-service have caught up");
		MeshSettling.await(this.settings.kafka(), SETTLE_TIMEOUT);
		// the last few changes of a partition, and the write-behind flush after them
		Thread.sleep(SETTLE_GRACE.toMillis());
	}

	/**
	 * Deletes the users' Redis profile hashes: MongoDB (written by the sync) then has the
	 * only copy, and each user's first read is a fallback to it (which re-warms Redis).
	 */
	private void evictFromRedis(List<String> users) {
		RedisClient client = RedisClient.create(this.settings.redis());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			for (String user : users) {
				connection.sync().del(RedisLayout.profileKey(user));
			}
		}
		finally {
			client.shutdown();
		}
		BenchRun.say("removed " + users.size() + " profiles from Redis; MongoDB has the only copy");
	}

	/** Each user once, in order, through the gateway; then null (the phase ends). */
	private Supplier<HttpRequest> once(List<String> users) {
		AtomicInteger next = new AtomicInteger();
		return () -> {
			int i = next.getAndIncrement();
			return (i < users.size()) ? read(this.settings.gateway() + PROFILES + users.get(i)) : null;
		};
	}

	private HttpRequest patch(String user) {
		String body = "{\"tier\":\"" + ((user.hashCode() % 3 == 0) ? "gold" : "silver")
				+ "\",\"city\":\"Lyon\",\"newsletter\":true}";
		return HttpRequest.newBuilder(URI.create(this.settings.gateway() + PROFILES + user + "/attributes"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/merge-patch+json")
			.header("X-Api-Key", this.settings.apiKey())
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpRequest post(String path, String body) {
		return HttpRequest.newBuilder(URI.create(this.settings.gateway() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", this.settings.apiKey())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** A read of a random seeded user through the gateway. */
	private Supplier<HttpRequest> gateway(List<String> users) {
		return () -> read(this.settings.gateway() + PROFILES + random(users));
	}

	private HttpRequest read(String uri) {
		return HttpRequest.newBuilder(URI.create(uri))
			.timeout(Duration.ofSeconds(30))
			.header("X-Api-Key", this.settings.apiKey())
			.GET()
			.build();
	}

	/**
	 * A read of a random seeded user straight to profile-service, signed as the gateway
	 * signs.
	 */
	private Supplier<HttpRequest> direct(List<String> users) {
		InternalCallSignature signature = new InternalCallSignature(this.settings.internalSecret(),
				Duration.ofSeconds(30), Clock.systemUTC());
		return () -> {
			String path = PROFILES + random(users);
			return HttpRequest.newBuilder(URI.create(this.settings.profile() + path))
				.timeout(Duration.ofSeconds(30))
				.header(InternalCallSignature.HEADER, signature.sign("GET", path, BENCH_PRINCIPAL))
				.header(InternalCallSignature.PRINCIPAL_HEADER, BENCH_PRINCIPAL)
				.GET()
				.build();
		};
	}

	private static String random(List<String> users) {
		return users.get(ThreadLocalRandom.current().nextInt(users.size()));
	}

}
