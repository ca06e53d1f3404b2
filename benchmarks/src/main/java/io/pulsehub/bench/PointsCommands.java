package io.pulsehub.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.pulsehub.mesh.security.InternalCallSignature;

/**
 * The points commands a benchmark sends: every one under a fresh {@code Idempotency-Key}
 * of the run, earns spread round robin over {@value #USERS} users of the run (so no user
 * comes near the velocity rule's earns per minute or the daily cap), spends of 1 round
 * robin over the users that have earned {@value #EARN} already (so none is refused for
 * insufficient points).
 */
final class PointsCommands {

	/** Users of one run; earns cycle through them. */
	static final int USERS = 50_000;

	static final long EARN = 100;

	static final long SPEND = 1;

	private static final String PATH = "/api/v1/points/";

	private static final String BENCH_PRINCIPAL = "bench";

	private final String gateway;

	private final String service;

	private final String apiKey;

	private final InternalCallSignature signature;

	private final String run;

	private final AtomicLong keys = new AtomicLong();

	private final AtomicLong earns = new AtomicLong();

	private final AtomicLong spends = new AtomicLong();

	PointsCommands(String gateway, String service, String apiKey, String internalSecret, String run) {
		this.gateway = gateway;
		this.service = service;
		this.apiKey = apiKey;
		this.signature = new InternalCallSignature(internalSecret, Duration.ofSeconds(30), Clock.systemUTC());
		this.run = run;
	}

	/** The idempotency key prefix of this run: {@code <run>-}. */
	String keyPrefix() {
		return this.run + "-";
	}

	/** Earns through the gateway. */
	Supplier<HttpRequest> earnsViaGateway() {
		return () -> viaGateway(nextEarner(), "earn", EARN);
	}

	/** Spends through the gateway, from users that have earned before this phase. */
	Supplier<HttpRequest> spendsViaGateway() {
		long funded = fundedUsers();
		return () -> viaGateway(nextSpender(funded), "spend", SPEND);
	}

	/** Earns straight to points-service, signed as the gateway signs. */
	Supplier<HttpRequest> earnsDirect() {
		return () -> direct(nextEarner(), "earn", EARN);
	}

	/**
	 * Seven earns to three spends through the gateway, the spends from users that have
	 * earned before this phase.
	 */
	Supplier<HttpRequest> mixedViaGateway() {
		long funded = fundedUsers();
		AtomicLong sequence = new AtomicLong();
		return () -> (sequence.getAndIncrement() % 10 < 7) ? viaGateway(nextEarner(), "earn", EARN)
				: viaGateway(nextSpender(funded), "spend", SPEND);
	}

	/** A request for a user nobody earned for: answers 404 once the route works. */
	HttpRequest balanceOfNobody() {
		return HttpRequest.newBuilder(URI.create(this.gateway + PATH + this.run + "-nobody"))
			.timeout(Duration.ofSeconds(10))
			.header("X-Api-Key", this.apiKey)
			.GET()
			.build();
	}

	private long fundedUsers() {
		// the latest earns may still be in flight; spend only on users earned well before
		long earned = Math.min(USERS, this.earns.get());
		return Math.max(1, earned - Math.min(1_000, earned / 10));
	}

	private String nextEarner() {
		return user(this.earns.getAndIncrement() % USERS);
	}

	private String nextSpender(long funded) {
		return user(this.spends.getAndIncrement() % funded);
	}

	private String user(long index) {
		return this.run + "-u" + index;
	}

	private String body(String operation, long amount) {
		return "{\"amount\": " + amount + ", \"reason\": \"bench " + operation + "\"}";
	}

	private HttpRequest viaGateway(String user, String operation, long amount) {
		return HttpRequest.newBuilder(URI.create(this.gateway + PATH + user + "/" + operation))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", this.apiKey)
			.header("Idempotency-Key", keyPrefix() + this.keys.incrementAndGet())
			.POST(HttpRequest.BodyPublishers.ofString(body(operation, amount)))
			.build();
	}

	private HttpRequest direct(String user, String operation, long amount) {
		String path = PATH + user + "/" + operation;
		return HttpRequest.newBuilder(URI.create(this.service + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header(InternalCallSignature.HEADER, this.signature.sign("POST", path, BENCH_PRINCIPAL))
			.header(InternalCallSignature.PRINCIPAL_HEADER, BENCH_PRINCIPAL)
			.header("Idempotency-Key", keyPrefix() + this.keys.incrementAndGet())
			.POST(HttpRequest.BodyPublishers.ofString(body(operation, amount)))
			.build();
	}

}
