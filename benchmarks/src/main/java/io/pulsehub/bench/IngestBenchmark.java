package io.pulsehub.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.pulsehub.mesh.security.InternalCallSignature;

/**
 * Ingestion throughput and latency through the gateway, each next to its ceiling measured
 * in the same run: single events and batches through the gateway, single events straight
 * to the service, a raw Kafka producer, archive catch-up and archive lag, raw PostgreSQL
 * COPY. Writes a markdown report; run by {@code ./pulsehub bench-ingest}.
 */
public final class IngestBenchmark {

	private static final System.Logger LOG = System.getLogger("bench");

	private static final int SINGLE_CLIENTS = 32;

	private static final int BATCH_CLIENTS = 8;

	private static final int BATCH_SIZE = 100;

	private static final int CEILING_EVENTS = 200_000;

	private final BenchSettings settings;

	private final HttpLoad load = new HttpLoad();

	private final String run = "bench" + Long.toString(System.currentTimeMillis(), 36);

	private IngestBenchmark(BenchSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		Path report = Path.of((args.length > 0) ? args[0] : "target/bench-ingest.md");
		String markdown = new IngestBenchmark(BenchSettings.fromEnvironment()).measure();
		Files.createDirectories(report.toAbsolutePath().getParent());
		Files.writeString(report, markdown);
		LOG.log(System.Logger.Level.INFO, "Report written to " + report);
	}

	private String measure() throws Exception {
		try (ArchiveProbe archive = new ArchiveProbe(this.settings.jdbcUrl(), this.settings.dbPassword())) {
			long archivedBefore = archive.archived();
			say("waiting until the gateway routes events to ingestion-service");
			awaitRoutable();
			say("warm-up: single events through the gateway for " + this.settings.warmup().toSeconds() + " s");
			HttpLoad.Result warmup = this.load.run(SINGLE_CLIENTS, this.settings.warmup(),
					gateway("/api/v1/events", () -> Events.json(this.run + "w")), 1);
			HttpLoad.Result warmupBatch = this.load.run(BATCH_CLIENTS, this.settings.warmup().dividedBy(3),
					gateway("/api/v1/events/batch", () -> Events.batch(this.run + "w", BATCH_SIZE)), BATCH_SIZE);
			say("single events through the gateway");
			HttpLoad.Result single = this.load.run(SINGLE_CLIENTS, this.settings.phase(),
					gateway("/api/v1/events", () -> Events.json(this.run + "s")), 1);
			say("single events straight to ingestion-service");
			HttpLoad.Result direct = this.load.run(SINGLE_CLIENTS, this.settings.phase(), direct(), 1);
			say("batches of " + BATCH_SIZE + " through the gateway");
			HttpLoad.Result batch = this.load.run(BATCH_CLIENTS, this.settings.phase(),
					gateway("/api/v1/events/batch", () -> Events.batch(this.run + "b", BATCH_SIZE)), BATCH_SIZE);
			long viaApi = warmup.events() + warmupBatch.events() + single.events() + direct.events() + batch.events();
			say("waiting for the archive to hold the " + viaApi + " accepted events");
			boolean caughtUp = archive.awaitArchived(archivedBefore + viaApi, Duration.ofMinutes(5));
			double[] lag = archive.lagSeconds(this.run + "s");
			say("raw Kafka producer, " + CEILING_EVENTS + " events, and the archive catching up on them");
			long before = archive.archived();
			long start = System.nanoTime();
			double producer = new KafkaCeiling(this.settings.kafka()).produce(this.run + "k", CEILING_EVENTS);
			boolean caughtUpCeiling = archive.awaitArchived(before + CEILING_EVENTS, Duration.ofMinutes(10));
			double catchUp = CEILING_EVENTS / ((System.nanoTime() - start) / 1e9);
			say("raw PostgreSQL COPY of " + CEILING_EVENTS + " rows");
			double copy = archive.copyRowsPerSecond(CEILING_EVENTS);
			return new BenchReport(single, direct, batch, producer, catchUp, copy, lag, caughtUp && caughtUpCeiling,
					this.settings, BATCH_SIZE, SINGLE_CLIENTS, BATCH_CLIENTS)
				.markdown(Instant.now());
		}
	}

	private void awaitRoutable() throws InterruptedException {
		// Right after start-up the gateway may not know ingestion-service yet; measuring
		// its
		// fallback would measure nothing.
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		Supplier<HttpRequest> probe = gateway("/api/v1/events", () -> Events.json(this.run + "p"));
		while (this.load.run(1, Duration.ofMillis(1), probe, 1).requests() == 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"the gateway did not route events to ingestion-service within 2 minutes");
			}
			Thread.sleep(1000);
		}
	}

	private Supplier<HttpRequest> gateway(String path, Supplier<String> body) {
		URI uri = URI.create(this.settings.gateway() + path);
		return () -> HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", this.settings.apiKey())
			.POST(HttpRequest.BodyPublishers.ofString(body.get()))
			.build();
	}

	private Supplier<HttpRequest> direct() {
		InternalCallSignature signature = new InternalCallSignature(this.settings.internalSecret(),
				Duration.ofSeconds(30), Clock.systemUTC());
		URI uri = URI.create(this.settings.ingestion() + "/api/v1/events");
		return () -> HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header(InternalCallSignature.HEADER, signature.sign("POST", "/api/v1/events", "bench"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "bench")
			.POST(HttpRequest.BodyPublishers.ofString(Events.json(this.run + "d")))
			.build();
	}

	private static void say(String message) {
		LOG.log(System.Logger.Level.INFO, message);
	}

}
