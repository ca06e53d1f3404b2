package io.pulsehub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pulsehub.contracts.Topics;

/**
 * The Redis-to-MongoDB sync (issue 7), one strategy at a time: the {@code engagement}
 * route switched to WRITE_THROUGH, WRITE_BEHIND, then SCHEDULED through the gateway's
 * admin API (and put back to config at the end); profile changes made as the
 * stream-processor makes them ({@link ProfileChanges}) first closed loop at the most the
 * sync-service sustains (at most {@value #WINDOW} changes it has not committed), then
 * paced at half that; the sync lag ({@code ProfileChanged.changed_at} → MongoDB write)
 * read from the sync-service's {@code pulsehub_sync_lag_seconds} histogram. Writes a
 * markdown report; run by {@code ./pulsehub bench-sync}.
 */
public final class SyncBenchmark {

	static final String[] STRATEGIES = { "WRITE_THROUGH", "WRITE_BEHIND", "SCHEDULED" };

	/** Users the changes are spread over (round robin). */
	static final int USERS = 10_000;

	/**
	 * Most changes made and not yet committed by the sync-service's consumer group: four
	 * write-behind batches, and a short queue (the drain at the end of a phase waits for
	 * it) even at the ~80 changes/s write-through managed on a loaded machine.
	 */
	static final int WINDOW = 2_000;

	/** Paced phase: this share of the rate the closed loop sustained. */
	static final double PACED_SHARE = 0.5;

	/** The write-behind flush interval of config-repo/sync-service.yml. */
	static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);

	private static final String ROUTE = "/admin/sync/routes/engagement";

	private static final int CHUNK = 1_000;

	private static final Duration TICK = Duration.ofMillis(10);

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

	private static final Pattern SCHEDULED_BACKLOG = Pattern
		.compile("\"strategy\":\"SCHEDULED\"[^}]*\"backlog\":(-?\\d+)");

	private final BenchSettings settings;

	private final String sync = BenchSettings.env("BENCH_SYNC", "http://localhost:8084");

	private final String adminAuthorization = "Basic "
			+ Base64.getEncoder()
				.encodeToString((BenchSettings.env("PULSEHUB_ADMIN_USERNAME", "admin") + ":"
						+ BenchSettings.env("PULSEHUB_ADMIN_PASSWORD", "pulsehub-admin"))
					.getBytes(StandardCharsets.UTF_8));

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private ProfileChanges changes;

	private ConsumerLag lag;

	private long committedBefore;

	private SyncBenchmark(BenchSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		BenchRun.writeReport(args, "target/bench-sync.md",
				() -> new SyncBenchmark(BenchSettings.fromEnvironment()).measure());
	}

	private String measure() throws Exception {
		String run = "benchsync" + Long.toString(System.currentTimeMillis(), 36);
		try (ProfileChanges made = new ProfileChanges(this.settings, run, USERS);
				ConsumerLag group = new ConsumerLag(this.settings.kafka(), "sync-service",
						Topics.PROFILE_CHANGES.name())) {
			this.changes = made;
			this.lag = group;
			BenchRun.say("waiting until the sync-service has consumed profile-changes to the end");
			group.awaitCaughtUp(null, DRAIN_TIMEOUT);
			this.committedBefore = committedSum();
			List<SyncReport.Strategy> results = new ArrayList<>();
			try {
				for (String strategy : STRATEGIES) {
					results.add(measure(strategy));
				}
			}
			finally {
				BenchRun.say("putting the engagement route back to its configured strategy");
				admin("DELETE", null);
			}
			return new SyncReport(this.settings, results).markdown(Instant.now());
		}
	}

	private SyncReport.Strategy measure(String strategy) throws Exception {
		BenchRun.say("engagement route -> " + strategy + " (through the gateway)");
		admin("PUT", "{\"strategy\":\"" + strategy + "\"}");
		StreamHistogram histogram = new StreamHistogram(this.sync, "pulsehub_sync_lag_seconds",
				"strategy=\"" + strategy + "\"");
		StreamHistogram writes = new StreamHistogram(this.sync, "pulsehub_sync_write_duration_seconds",
				"strategy=\"" + strategy + "\"");
		BenchRun.say("warm-up: closed loop for " + this.settings.warmup().toSeconds() + " s");
		closedLoop(this.settings.warmup());
		drain(strategy);
		StreamHistogram.Snapshot before = histogram.scrape();
		BenchRun.say(
				"closed loop, at most " + WINDOW + " uncommitted changes, " + this.settings.phase().toSeconds() + " s");
		CpuUsage cpu = CpuUsage.start();
		long start = System.nanoTime();
		long emittedBefore = this.changes.emitted();
		closedLoop(this.settings.phase());
		double drained = drain(strategy);
		double seconds = (System.nanoTime() - start) / 1e9;
		long made = this.changes.emitted() - emittedBefore;
		double rate = made / seconds;
		Map<String, Double> maxCpu = cpu.percentSinceStart();
		StreamHistogram.Snapshot afterMax = histogram.scrape();
		StreamHistogram.Snapshot writesBefore = writes.scrape();
		double pacedRate = Math.max(1, rate * PACED_SHARE);
		BenchRun.say(String.format(Locale.ROOT, "paced at %.0f changes/s for %d s", pacedRate,
				this.settings.phase().toSeconds()));
		cpu = CpuUsage.start();
		long pacedMade = paced(pacedRate, this.settings.phase());
		Map<String, Double> pacedCpu = cpu.percentSinceStart();
		double pacedDrained = drain(strategy);
		StreamHistogram.Snapshot afterPaced = histogram.scrape();
		return new SyncReport.Strategy(strategy, made, rate, !Double.isNaN(drained), afterMax.since(before), maxCpu,
				pacedRate, pacedMade, !Double.isNaN(pacedDrained), afterPaced.since(afterMax), pacedCpu,
				writes.scrape().since(writesBefore));
	}

	/**
	 * Makes changes as fast as the sync-service commits them, keeping at most
	 * {@value #WINDOW} outstanding.
	 */
	private void closedLoop(Duration duration) throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			long room = WINDOW - outstanding();
			if (room > 0) {
				this.changes.emit((int) Math.min(room, CHUNK));
			}
			else {
				LockSupport.parkNanos(ConsumerLag.pollInterval().toNanos());
			}
		}
		this.changes.flush();
	}

	/**
	 * Makes changes at a fixed rate, on schedule whether or not the sync keeps up.
	 * @return changes made
	 */
	private long paced(double perSecond, Duration duration) {
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		long made = 0;
		for (long due = start; due < end; due += TICK.toNanos()) {
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			long owed = (long) (perSecond * (due - start + TICK.toNanos()) / 1e9) - made;
			this.changes.emit((int) owed);
			made += owed;
		}
		this.changes.flush();
		return made;
	}

	/** Changes made but not yet committed by the sync-service's consumer group. */
	private long outstanding() throws InterruptedException {
		return this.changes.emitted() - (committedSum() - this.committedBefore);
	}

	private long committedSum() throws InterruptedException {
		return this.lag.committed().values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Waits until every change made is committed and, for SCHEDULED, the drainer has
	 * emptied the dirty set: until then not every change is in MongoDB.
	 * @return seconds waited, NaN when it did not happen within the timeout
	 */
	private double drain(String strategy) throws Exception {
		long start = System.nanoTime();
		long deadline = start + DRAIN_TIMEOUT.toNanos();
		while (outstanding() > 0 || ("SCHEDULED".equals(strategy) && scheduledBacklog() != 0)) {
			if (System.nanoTime() > deadline) {
				BenchRun.say("not drained within " + DRAIN_TIMEOUT.toMinutes() + " min: " + outstanding()
						+ " changes uncommitted");
				return Double.NaN;
			}
			Thread.sleep(ConsumerLag.pollInterval());
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** Users in the shared dirty set, from {@code GET /admin/sync/stats}. */
	private long scheduledBacklog() throws Exception {
		HttpResponse<String> stats = this.http.send(request("GET", "/admin/sync/stats", null),
				HttpResponse.BodyHandlers.ofString());
		Matcher backlog = SCHEDULED_BACKLOG.matcher(stats.body());
		if (stats.statusCode() != 200 || !backlog.find()) {
			return -1;
		}
		return Long.parseLong(backlog.group(1));
	}

	/** Switches (PUT) or resets (DELETE) the engagement route through the gateway. */
	private void admin(String method, String body) throws Exception {
		HttpResponse<String> response = this.http.send(request(method, ROUTE, body),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					method + " " + ROUTE + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private HttpRequest request(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.settings.gateway() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.adminAuthorization)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return request.build();
	}

}
