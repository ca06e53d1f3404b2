package io.pulsehub.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The markdown report of {@code ./pulsehub bench-sync}: per strategy, the changes per
 * second the sync-service sustained and the sync lag, closed loop and paced.
 *
 * @param settings where and how long it ran
 * @param strategies one result per strategy, in the order measured
 */
record SyncReport(BenchSettings settings, List<Strategy> strategies) {

	/**
	 * One strategy's measurements.
	 *
	 * @param name the strategy
	 * @param made changes made in the closed-loop phase
	 * @param perSecond those changes over the time until all were in MongoDB
	 * @param drained whether they all were within the drain timeout
	 * @param lag the sync lag of the changes synced during the closed-loop phase
	 * @param cpu CPU per process during the closed-loop phase
	 * @param pacedRate the paced phase's rate
	 * @param pacedMade changes made in the paced phase
	 * @param pacedDrained whether they were all in MongoDB within the drain timeout
	 * @param pacedLag the sync lag of the changes synced during the paced phase
	 * @param pacedCpu CPU per process during the paced phase
	 * @param pacedWrites the durations of the sync writes (Redis read and MongoDB bulk)
	 * of the paced phase
	 */
	record Strategy(String name, long made, double perSecond, boolean drained, StreamHistogram.Snapshot lag,
			Map<String, Double> cpu, double pacedRate, long pacedMade, boolean pacedDrained,
			StreamHistogram.Snapshot pacedLag, Map<String, Double> pacedCpu, StreamHistogram.Snapshot pacedWrites) {

	}

	String markdown(Instant when) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Run %s; per strategy a %d s warm-up, a %d s closed-loop phase (at most %,d changes the "
						+ "sync-service has not committed) and a %d s phase paced at %.0f%% of the closed-loop "
						+ "rate; %,d users, round robin.%n%n",
				when, this.settings.warmup().toSeconds(), this.settings.phase().toSeconds(), SyncBenchmark.WINDOW,
				this.settings.phase().toSeconds(), 100 * SyncBenchmark.PACED_SHARE, SyncBenchmark.USERS));
		out.append("Source: each change is written to the user's Redis profile hash (rt.* fields, one pipelined "
				+ "HSET) and announced as a REALTIME ProfileChanged caused by a PAGE_VIEW on profile-changes, as the "
				+ "stream-processor does; no HTTP and no stream-processor in the loop. The `engagement` route is "
				+ "switched to each strategy through the gateway's admin API and put back to config at the end.\n\n");
		out.append("MongoDB is mongo-java-server (local-stack), a wire-protocol stand-in, not real MongoDB: the "
				+ "numbers say how the sync-service behaves, not what a real MongoDB sustains.\n\n");
		out.append("| strategy | changes/s sustained (until all in MongoDB) | lag p50 | lag p99 | paced changes/s "
				+ "| paced lag p50 | paced lag p99 | target |\n|---|---|---|---|---|---|---|---|\n");
		for (Strategy strategy : this.strategies) {
			out.append(String.format(Locale.ROOT, "| %s | %,.0f%s | %s | %s | %,.0f%s | %s | %s | %s |%n",
					strategy.name(), strategy.perSecond(), strategy.drained() ? "" : " (NOT drained)",
					millis(strategy.lag(), 0.5), millis(strategy.lag(), 0.99), strategy.pacedRate(),
					strategy.pacedDrained() ? "" : " (NOT drained)", millis(strategy.pacedLag(), 0.5),
					millis(strategy.pacedLag(), 0.99), target(strategy)));
		}
		out.append(String.format(Locale.ROOT,
				"%nLag: ProfileChanged.changed_at → MongoDB write (for SCHEDULED: first-dirty time → the "
						+ "drainer's write), from the sync-service's pulsehub_sync_lag_seconds histogram buckets "
						+ "(interpolated within a bucket). Write-behind target: paced p99 ≤ flush interval "
						+ "(%d ms) + 250 ms.%n%n",
				SyncBenchmark.FLUSH_INTERVAL.toMillis()));
		for (Strategy strategy : this.strategies) {
			out.append(String.format(Locale.ROOT,
					"- %s: %,d changes closed loop (%,.0f lag samples), %,d paced " + "(%,.0f lag samples)%n",
					strategy.name(), strategy.made(), strategy.lag().count(), strategy.pacedMade(),
					strategy.pacedLag().count()));
			out.append(String.format(Locale.ROOT,
					"  - sync writes while paced (Redis read + MongoDB bulk, pulsehub_sync_write_duration_seconds): "
							+ "%,.0f, p50 %s, p99 %s%n",
					strategy.pacedWrites().count(), millis(strategy.pacedWrites(), 0.5),
					millis(strategy.pacedWrites(), 0.99)));
			out.append("  - CPU, closed loop: ").append(CpuUsage.describe(strategy.cpu())).append('\n');
			out.append("  - CPU, paced: ").append(CpuUsage.describe(strategy.pacedCpu())).append('\n');
		}
		return out.toString();
	}

	private static String target(Strategy strategy) {
		if (!"WRITE_BEHIND".equals(strategy.name())) {
			return "";
		}
		double p99 = strategy.pacedLag().quantileMillis(0.99);
		double limit = SyncBenchmark.FLUSH_INTERVAL.toMillis() + 250;
		if (Double.isNaN(p99)) {
			return "not measured";
		}
		return String.format(Locale.ROOT, "p99 ≤ %.0f ms: %s", limit, (p99 <= limit) ? "met" : "NOT met");
	}

	private static String millis(StreamHistogram.Snapshot lag, double q) {
		double value = lag.quantileMillis(q);
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", value);
	}

}
