package io.pulsehub.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Real-time tags" section of the report: throughput of the stream-processor's
 * topology against the raw producer, and event accepted → tag visible at half the
 * measured ingest maximum, against the targets.
 *
 * @param producer the raw producer's events per second in the same run
 * @param topology the burst drained by the topology
 * @param batchMax events per second of the batch phase (the ingest maximum)
 * @param paced the background load at half of it
 * @param probes the tag probes sent during that load
 * @param probeInterval time between two probes
 * @param streamOwn the stream-processor's own histogram over the same phase
 * @param backlog the stream-processor's lag when the paced load started and ended
 * @param cpu CPU per process during the paced load
 * @param warmup how long the same paced load ran unmeasured before it
 * @param threads the partitions of `user-activity-events` (the user-tag tasks) each
 * stream thread held when the paced load started, by consumer client id
 */
record TagsReport(double producer, Throughput topology, double batchMax, PacedLoad.Result paced, TagProbe.Result probes,
		Duration probeInterval, StreamHistogram.Snapshot streamOwn, Backlog backlog, Map<String, Double> cpu,
		Duration warmup, Map<String, List<Integer>> threads) {

	static final double TARGET_P50_MILLIS = 15;

	static final double TARGET_P99_MILLIS = 100;

	/**
	 * The topology draining one burst.
	 *
	 * @param events records it committed past during the measurement
	 * @param seconds first send of the burst → its lag back to 0 (or the timeout)
	 * @param backlogBefore records still unprocessed from earlier phases when the burst
	 * started (0 when it had caught up)
	 * @param remaining records of the burst still unprocessed at the timeout (0 when
	 * done)
	 * @param cpu CPU per process over the same time
	 */
	record Throughput(long events, double seconds, long backlogBefore, long remaining, Map<String, Double> cpu) {

		double eventsPerSecond() {
			return this.events / this.seconds;
		}

	}

	/**
	 * Records the stream-processor had still to process.
	 *
	 * @param atStart when the paced load started
	 * @param atEnd when it ended
	 */
	record Backlog(long atStart, long atEnd) {

	}

	String markdown() {
		StringBuilder out = new StringBuilder("## Real-time tags\n\n");
		out.append("Measured: how fast the stream-processor drains a raw-producer burst on `user-activity-events` ")
			.append("(its consumer group's committed offsets, polled through the Kafka admin API, until they reach ")
			.append("the burst's end offsets), and, under open-loop batches through the gateway at half the batch ")
			.append("phase's rate, the time from a probe event's 202 at the client until its new user's ")
			.append("`rt.version` can be read from Redis.\n\n");
		out.append(
				"| measurement | value | p50 | p90 | p99 | max | ceiling or target (same run) | ratio or verdict |\n")
			.append("|---|---|---|---|---|---|---|---|\n");
		out.append(String.format(Locale.ROOT,
				"| events through the topology (%s) | %,.0f events/s | | | | | "
						+ "raw producer %,.0f events/s | %.2f |%n",
				(this.topology.remaining() == 0) ? "lag back to 0" : "INCOMPLETE", this.topology.eventsPerSecond(),
				this.producer, this.topology.eventsPerSecond() / this.producer));
		Latencies paced = this.paced.latencies();
		out.append(String.format(Locale.ROOT,
				"| paced batches via gateway, scheduled departure → 202 | %,.0f of %,.0f events/s | %s | %s | %s "
						+ "| %s | batch phase %,.0f events/s | %.2f |%n",
				this.paced.eventsPerSecond(), this.paced.targetEventsPerSecond(), millis(paced, 0.5),
				millis(paced, 0.9), millis(paced, 0.99), millis(paced, 1), this.batchMax,
				this.paced.eventsPerSecond() / this.batchMax));
		Latencies visible = this.probes.visible();
		out.append(String.format(Locale.ROOT,
				"| **event accepted → tag visible**, %d of %d probes | | %s | %s | %s | %s "
						+ "| p50 ≤ %.0f ms, p99 ≤ %.0f ms | %s |%n",
				visible.size(), this.probes.probes(), millis(visible, 0.5), millis(visible, 0.9), millis(visible, 0.99),
				millis(visible, 1), TARGET_P50_MILLIS, TARGET_P99_MILLIS, verdict()));
		if (!this.streamOwn.isEmpty()) {
			out.append(String.format(Locale.ROOT,
					"| cross-check: stream-processor's histogram, `received_at` → Redis write, %,.0f events "
							+ "| | %.1f ms | %.1f ms | %.1f ms | | | |%n",
					this.streamOwn.count(), this.streamOwn.quantileMillis(0.5), this.streamOwn.quantileMillis(0.9),
					this.streamOwn.quantileMillis(0.99)));
		}
		notes(out);
		return out.toString();
	}

	private void notes(StringBuilder out) {
		out.append(String.format(Locale.ROOT, "%n- Topology: %,d records in %.1f s, from the burst's first send to "
				+ "the group's commits reaching its end offsets; resolution about 150 ms (commits every 100 ms, "
				+ "polled every %d ms). The archive consumer read the same burst at the same time on the same "
				+ "cores, as it does in production. ", this.topology.events(), this.topology.seconds(),
				ConsumerLag.pollInterval().toMillis()));
		out.append((this.topology.backlogBefore() == 0) ? "The events of the HTTP phases were processed before it."
				: String.format(Locale.ROOT,
						"%,d records of the HTTP phases were still unprocessed when it started (counted in).",
						this.topology.backlogBefore()));
		if (this.topology.remaining() > 0) {
			out.append(String.format(Locale.ROOT, " INCOMPLETE: %,d records still unprocessed at the timeout.",
					this.topology.remaining()));
		}
		out.append("\n  CPU from the burst's start to lag 0: ")
			.append(CpuUsage.describe(this.topology.cpu()))
			.append('\n');
		TagProbe.Result probes = this.probes;
		out.append(String.format(Locale.ROOT,
				"- Probes: one event for a new user every %d ms through "
						+ "`/api/v1/events` (probe request → 202: p50 %s, p99 %s); tag visible before the 202 arrived "
						+ "(counted as 0 ms): %d; accepted but not visible within %d s: %d; not accepted: %s.%n",
				this.probeInterval.toMillis(), millis(probes.accepted(), 0.5), millis(probes.accepted(), 0.99),
				probes.early(), TagProbe.settle().toSeconds(), probes.lost(), probes.failures()));
		out.append(String.format(Locale.ROOT, "- Polling granularity: Redis was read for the pending probes every "
				+ "%s (p50), %s (p99), %s (max), one pipelined `HGET profile:{user} rt.version` per pending probe "
				+ "then a 1 ms pause; a latency is overstated by at most one such period, never understated.%n",
				millis(probes.pollPeriods(), 0.5), millis(probes.pollPeriods(), 0.99),
				millis(probes.pollPeriods(), 1)));
		out.append(String.format(Locale.ROOT, "- Paced load: batches of 100 to `/api/v1/events/batch` on a fixed "
				+ "schedule for %.0f s, after the same load for %d s unmeasured (JIT warm-up) and a wait until the "
				+ "stream-processor and the sync-service had caught up; departures skipped because 512 requests "
				+ "were unanswered: %d; refused or failed: %s. The stream-processor's lag: %,d records when it "
				+ "started, %,d when it ended.", this.paced.seconds(), this.warmup.toSeconds(), this.paced.skipped(),
				this.paced.failures(), this.backlog.atStart(), this.backlog.atEnd()));
		if (this.backlog.atEnd() > this.paced.eventsPerSecond()) {
			// a second of events unprocessed: more than 100 ms commits explain
			out.append(String.format(Locale.ROOT, " **The stream-processor fell behind** (%,.0f events/s offered; "
					+ "it drained the burst above at %,.0f events/s): the latency measures a growing queue, not a "
					+ "steady state.", this.paced.eventsPerSecond(), this.topology.eventsPerSecond()));
		}
		out.append('\n');
		if (this.streamOwn.isEmpty()) {
			out.append("- The stream-processor's Prometheus endpoint did not answer: no cross-check.\n");
		}
		else {
			out.append(String.format(Locale.ROOT, "- Cross-check: the histogram rows are the difference of two "
					+ "scrapes of `pulsehub_stream_end_to_end_latency_seconds_bucket` around this phase (probes and "
					+ "paced events, interpolated within buckets); it starts at ingestion's `received_at`, before "
					+ "the 202, and ends at the write, before the read.%n"));
		}
		out.append("- CPU during the paced load: ").append(CpuUsage.describe(this.cpu)).append('\n');
		out.append("- Partitions of `user-activity-events` (the user-tag tasks) per stream thread when the paced load "
				+ "started: ")
			.append(describeThreads())
			.append(". Kafka Streams balances task counts per thread, not per sub-topology; a thread holding "
					+ "several of them limits the topology.\n");
	}

	private String describeThreads() {
		StringBuilder out = new StringBuilder();
		this.threads.forEach((client, partitions) -> out.append((out.isEmpty()) ? "" : "; ")
			.append('`')
			.append(client.replaceFirst("-consumer$", ""))
			.append("` ")
			.append(partitions));
		return out.isEmpty() ? "no member in the group" : out.toString();
	}

	private String verdict() {
		if (this.probes.visible().size() == 0) {
			return "no probe became visible";
		}
		boolean p50 = withLost(0.5) <= TARGET_P50_MILLIS;
		boolean p99 = withLost(0.99) <= TARGET_P99_MILLIS;
		return "p50 " + (p50 ? "met" : "**NOT met**") + ", p99 " + (p99 ? "met" : "**NOT met**");
	}

	/** The q-quantile with every lost probe counted as slower than any visible one. */
	private double withLost(double q) {
		Latencies visible = this.probes.visible();
		long rank = (long) Math.ceil(q * (visible.size() + this.probes.lost()));
		return (rank > visible.size()) ? Double.POSITIVE_INFINITY
				: visible.percentileMillis((rank - 0.5) / visible.size());
	}

	private static String millis(Latencies latencies, double q) {
		double value = latencies.percentileMillis(q);
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f ms", value);
	}

}
