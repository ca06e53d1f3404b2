package io.pulsehub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points commands (issue 8) through the gateway: earns and spends per second with p50/p99
 * in closed loop, earns straight to points-service, then p99 of a 70/30 earn/spend mix
 * paced at {@value #PACED_RATE}/s; next to a pgbench-style ceiling of the ledger's own
 * transaction shape on the same PostgreSQL ({@link LedgerCeiling}), with the pool sizes
 * the running service reports and a check that no command was applied twice (ledger
 * events of the run = accepted commands = distinct idempotency keys). Every command has
 * its own {@code Idempotency-Key}; users are spread so the default risk rules never
 * reject ({@link PointsCommands}). Writes a markdown report; run by
 * {@code ./pulsehub bench-points}.
 */
public final class PointsBenchmark {

	static final int CLIENTS = 32;

	static final double PACED_RATE = 1_500;

	private static final Answers.Expect CREATED = new Answers.Expect(201, "Idempotent-Replayed");

	private static final Pattern POOL_MAX = Pattern
		.compile("^hikaricp_connections_max\\{[^}]*pool=\"(points-[a-z]+)\"[^}]*} ([0-9.]+)", Pattern.MULTILINE);

	private final BenchSettings settings;

	private final String service = env("BENCH_POINTS", "http://localhost:8085");

	private final String pointsJdbcUrl = env("BENCH_POINTS_JDBC_URL",
			"jdbc:postgresql://localhost:15432/pulsehub_points");

	private final HttpLoad load = new HttpLoad();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String run = "pbench" + Long.toString(System.currentTimeMillis(), 36);

	private final PointsCommands commands;

	private PointsBenchmark(BenchSettings settings) {
		this.settings = settings;
		this.commands = new PointsCommands(settings.gateway(), this.service, settings.apiKey(),
				settings.internalSecret(), this.run);
	}

	public static void main(String[] args) throws Exception {
		BenchRun.writeReport(args, "target/bench-points.md",
				() -> new PointsBenchmark(BenchSettings.fromEnvironment()).measure());
	}

	private String measure() throws Exception {
		BenchRun.say("waiting until the gateway routes points calls to points-service");
		awaitRoutable();
		Map<String, Integer> pools = pools();
		BenchRun.say("pools reported by points-service: " + pools);
		long accepted = 0;
		BenchRun.say("warm-up: earns (they fund the spenders) through the gateway and direct for "
				+ this.settings.warmup().toSeconds() + " s");
		accepted += this.load.run(CLIENTS, this.settings.warmup(), this.commands.earnsViaGateway(), 1, CREATED)
			.requests();
		accepted += this.load.run(CLIENTS, this.settings.warmup().dividedBy(3), this.commands.earnsDirect(), 1, CREATED)
			.requests();
		Map<String, PointsReport.Phase> phases = new LinkedHashMap<>();
		phases.put("earn via gateway (closed loop)", closedLoop(this.commands.earnsViaGateway()));
		phases.put("spend via gateway (closed loop)", closedLoop(this.commands.spendsViaGateway()));
		phases.put("earn direct to points-service (closed loop)", closedLoop(this.commands.earnsDirect()));
		BenchRun.say(String.format(Locale.ROOT, "paced 70/30 earn/spend through the gateway at %.0f/s for %d s",
				PACED_RATE, this.settings.phase().toSeconds()));
		CpuUsage cpu = CpuUsage.start();
		PacedLoad.Result paced = new PacedLoad().run(PACED_RATE, 1, this.settings.phase(),
				this.commands.mixedViaGateway(), CREATED);
		Map<String, Double> pacedCpu = cpu.percentSinceStart();
		for (PointsReport.Phase phase : phases.values()) {
			accepted += phase.result().requests();
		}
		accepted += paced.requests();
		LedgerCeiling ceiling = new LedgerCeiling(this.pointsJdbcUrl, this.settings.dbPassword());
		long[] ledger = ceiling.ledgerRowsAndKeys(this.commands.keyPrefix());
		int clients = pools.getOrDefault("points-primary", 8);
		BenchRun.say("raw PostgreSQL ceiling: " + clients + " clients running the ledger's transaction shape");
		LedgerCeiling.Result raw = ceiling.run(clients, this.settings.phase());
		return new PointsReport(this.settings, pools, phases, paced, pacedCpu, raw,
				new PointsReport.Duplicates(accepted, ledger[0], ledger[1]))
			.markdown(Instant.now());
	}

	private PointsReport.Phase closedLoop(Supplier<HttpRequest> requests) throws Exception {
		CpuUsage cpu = CpuUsage.start();
		HttpLoad.Result result = this.load.run(CLIENTS, this.settings.phase(), requests, 1, CREATED);
		BenchRun.say(String.format(Locale.ROOT, "  %,.0f commands/s, p99 %.1f ms, refused or failed %s",
				result.requestsPerSecond(), result.latencies().percentileMillis(0.99), result.failures()));
		return new PointsReport.Phase(result, cpu.percentSinceStart());
	}

	/**
	 * Right after start-up the gateway may not know points-service yet; a 404
	 * {@code account-not-found} from points-service for an unknown user means the route
	 * works.
	 */
	private void awaitRoutable() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		HttpRequest probe = this.commands.balanceOfNobody();
		while (!routed(probe)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the gateway did not route points calls within 2 minutes");
			}
			Thread.sleep(1000);
		}
	}

	private boolean routed(HttpRequest probe) {
		try {
			HttpResponse<String> response = this.http.send(probe, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 404 && response.body().contains("account-not-found");
		}
		catch (Exception ex) {
			return false;
		}
	}

	/** The pools' maximum sizes as the running service reports them (Prometheus). */
	private Map<String, Integer> pools() {
		Map<String, Integer> pools = new LinkedHashMap<>();
		try {
			HttpResponse<String> metrics = this.http
				.send(HttpRequest.newBuilder(URI.create(this.service + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher matcher = POOL_MAX.matcher(metrics.body());
			while (matcher.find()) {
				pools.put(matcher.group(1), (int) Double.parseDouble(matcher.group(2)));
			}
		}
		catch (Exception ex) {
			BenchRun.say("could not read the pool sizes: " + ex.getMessage());
		}
		return pools;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
