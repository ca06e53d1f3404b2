package io.pulsehub.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import io.pulsehub.contracts.Topics;
import io.pulsehub.mesh.security.InternalCallSignature;
import org.apache.kafka.common.TopicPartition;

/**
 * Ingestion throughput and latency through the gateway, each next to its ceiling measured
 * in the same run: single events and batches through the gateway, single events straight
 * to the service, a raw Kafka producer, archive catch-up and archive lag, raw PostgreSQL
 * COPY; then the stream-processor's throughput on the producer's burst and event accepted
 * → tag visible in Redis at half the batch rate. Writes a markdown report; run by
 * {@code ./pulsehub bench-ingest}.
 */
public final class IngestBenchmark {

	private static final int SINGLE_CLIENTS = 32;

	private static final int BATCH_CLIENTS = 8;

	private static final int BATCH_SIZE = 100;

	private static final int CEILING_EVENTS = 200_000;

	/** The stream-processor's application id, which is also its consumer group. */
	static final String STREAM_GROUP = "stream-processor";

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(75);

	/**
	 * How long the archive, the stream-processor and the sync-service may take to work
	 * through what a warm-up left them: every accepted event becomes an archive row, tags
	 * and a profile change, drained at a few thousand per second.
	 */
	private static final Duration SETTLE = Duration.ofMinutes(15);

	private final BenchSettings settings;

	private final HttpLoad load = new HttpLoad();

	private final String run = "bench" + Long.toString(System.currentTimeMillis(), 36);

	private IngestBenchmark(BenchSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		BenchRun.writeReport(args, "target/bench-ingest.md",
				() -> new IngestBenchmark(BenchSettings.fromEnvironment()).measure());
	}

	private String measure() throws Exception {
		try (ArchiveProbe archive = new ArchiveProbe(this.settings.jdbcUrl(), this.settings.dbPassword())) {
			long archivedBefore = archive.archived();
			BenchRun.say("waiting until the gateway routes events to ingestion-service");
			awaitRoutable();
			BenchRun.say("warm-up: single events through the gateway for " + this.settings.warmup().toSeconds() + " s");
			HttpLoad.Result warmup = this.load.run(SINGLE_CLIENTS, this.settings.warmup(),
					gateway("/api/v1/events", () -> Events.json(this.run + "w")), 1);
			HttpLoad.Result warmupBatch = this.load.run(BATCH_CLIENTS, this.settings.warmup().dividedBy(3),
					gateway("/api/v1/events/batch", () -> Events.batch(this.run + "w", BATCH_SIZE)), BATCH_SIZE);
			// Measure a quiet mesh: the warm-up's minute of batches would otherwise still
			// be archived and processed during the phases (and read as archive lag).
			BenchRun.say("waiting until the archive, the stream-processor and the sync-service have caught up");
			archive.awaitArchived(archivedBefore + warmup.events() + warmupBatch.events(), SETTLE);
			MeshSettling.await(this.settings.kafka(), SETTLE);
			BenchRun.say("single events through the gateway");
			HttpLoad.Result single = this.load.run(SINGLE_CLIENTS, this.settings.phase(),
					gateway("/api/v1/events", () -> Events.json(this.run + "s")), 1);
			BenchRun.say("single events straight to ingestion-service");
			HttpLoad.Result direct = this.load.run(SINGLE_CLIENTS, this.settings.phase(), direct(), 1);
			BenchRun.say("batches of " + BATCH_SIZE + " through the gateway");
			HttpLoad.Result batch = this.load.run(BATCH_CLIENTS, this.settings.phase(),
					gateway("/api/v1/events/batch", () -> Events.batch(this.run + "b", BATCH_SIZE)), BATCH_SIZE);
			long viaApi = warmup.events() + warmupBatch.events() + single.events() + direct.events() + batch.events();
			BenchRun.say("waiting for the archive to hold the " + viaApi + " accepted events");
			boolean caughtUp = archive.awaitArchived(archivedBefore + viaApi, Duration.ofMinutes(5));
			double[] lag = archive.lagSeconds(this.run + "s");
			Burst burst = burst(archive);
			BenchRun.say("raw PostgreSQL COPY of " + CEILING_EVENTS + " rows");
			double copy = archive.copyRowsPerSecond(CEILING_EVENTS);
			TagsReport tags = realtimeTags(batch.eventsPerSecond(), burst);
			return new BenchReport(single, direct, batch, burst.producer(), burst.archiveCatchUp(), copy, lag,
					caughtUp && burst.archiveCaughtUp(), this.settings, BATCH_SIZE, SINGLE_CLIENTS, BATCH_CLIENTS)
				.markdown(Instant.now()) + "\n" + tags.markdown();
		}
	}

	/**
	 * The raw producer's burst, and how fast the archive and the stream-processor's
	 * topology (concurrently, as in production) get through it.
	 */
	private Burst burst(ArchiveProbe archive) throws Exception {
		try (ConsumerLag stream = new ConsumerLag(this.settings.kafka(), STREAM_GROUP,
				Topics.USER_ACTIVITY_EVENTS.name())) {
			BenchRun.say("waiting for the stream-processor to process the events of the HTTP phases");
			long backlog = stream.awaitCaughtUp(null, Duration.ofMinutes(5));
			Map<TopicPartition, Long> from = stream.committed();
			BenchRun.say("raw Kafka producer, " + CEILING_EVENTS
					+ " events; the archive and the topology catching up on them");
			long before = archive.archived();
			CpuUsage cpu = CpuUsage.start();
			long start = System.nanoTime();
			double producer = new KafkaCeiling(this.settings.kafka()).produce(this.run + "k", CEILING_EVENTS);
			Map<TopicPartition, Long> to = stream.endOffsets();
			FutureTask<TagsReport.Throughput> topology = new FutureTask<>(() -> {
				long remaining = stream.awaitCaughtUp(to, Duration.ofMinutes(10));
				double seconds = (System.nanoTime() - start) / 1e9;
				return new TagsReport.Throughput(ConsumerLag.between(from, to) - remaining, seconds, backlog, remaining,
						cpu.percentSinceStart());
			});
			Thread.ofVirtual().start(topology);
			boolean caughtUp = archive.awaitArchived(before + CEILING_EVENTS, Duration.ofMinutes(10));
			double catchUp = CEILING_EVENTS / ((System.nanoTime() - start) / 1e9);
			return new Burst(producer, catchUp, caughtUp, topology.get());
		}
	}

	/**
	 * Event accepted → tag visible while batches arrive at half the measured ingest
	 * maximum, with the stream-processor's own histogram over the same time; the same
	 * load runs unmeasured first (the JIT), then the stream-processor and the
	 * sync-service catch up (the burst's backlog), so the phase measures a warm mesh in
	 * its steady state.
	 */
	private TagsReport realtimeTags(double batchMax, Burst burst) throws Exception {
		double rate = batchMax / 2;
		Supplier<HttpRequest> batches = gateway("/api/v1/events/batch", () -> Events.batch(this.run + "r", BATCH_SIZE));
		BenchRun.say(String.format(Locale.ROOT, "warm-up: paced batches at %.0f events/s for %d s, not measured", rate,
				this.settings.tagsWarmup().toSeconds()));
		new PacedLoad().run(rate, BATCH_SIZE, this.settings.tagsWarmup(), batches);
		BenchRun.say("waiting until the stream-processor and the sync-service have caught up");
		MeshSettling.await(this.settings.kafka(), SETTLE);
		StreamHistogram histogram = new StreamHistogram(this.settings.streamProcessor());
		BenchRun.say(String.format(Locale.ROOT,
				"paced batches at %.0f events/s (half the batch phase) for %d s, a tag probe every %d ms", rate,
				this.settings.phase().toSeconds(), PROBE_INTERVAL.toMillis()));
		try (TagProbe probe = new TagProbe(this.settings.redis(),
				(user) -> gateway("/api/v1/events", () -> Events.json(this.run + "t", user)).get());
				ConsumerLag stream = new ConsumerLag(this.settings.kafka(), STREAM_GROUP,
						Topics.USER_ACTIVITY_EVENTS.name())) {
			StreamHistogram.Snapshot before = histogram.scrape();
			long lagBefore = stream.lag();
			Map<String, List<Integer>> threads = stream.assignment();
			CpuUsage cpu = CpuUsage.start();
			FutureTask<TagProbe.Result> probing = new FutureTask<>(
					() -> probe.run(this.run, this.settings.phase(), PROBE_INTERVAL));
			Thread.ofVirtual().start(probing);
			PacedLoad.Result paced = new PacedLoad().run(rate, BATCH_SIZE, this.settings.phase(), batches);
			long lagAfter = stream.lag();
			Map<String, Double> used = cpu.percentSinceStart();
			TagProbe.Result probes = probing.get();
			StreamHistogram.Snapshot streamOwn = histogram.scrape().since(before);
			return new TagsReport(burst.producer(), burst.topology(), batchMax, paced, probes, PROBE_INTERVAL,
					streamOwn, new TagsReport.Backlog(lagBefore, lagAfter), used, this.settings.tagsWarmup(), threads);
		}
	}

	private record Burst(double producer, double archiveCatchUp, boolean archiveCaughtUp,
			TagsReport.Throughput topology) {
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

}
