package io.pulsehub.bench;

import java.time.Instant;
import java.util.Locale;

/**
 * The markdown table of one benchmark run: each measurement, its ceiling and their ratio.
 */
record BenchReport(HttpLoad.Result single, HttpLoad.Result direct, HttpLoad.Result batch, double producer,
		double catchUp, double copy, double[] lag, boolean caughtUp, BenchSettings settings, int batchSize,
		int singleClients, int batchClients) {

	String markdown(Instant when) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Run %s, %d s per phase, %d clients (single), %d clients x %d events " + "(batch), closed loop.%n%n",
				when, this.settings.phase().toSeconds(), this.singleClients, this.batchClients, this.batchSize));
		out.append("| measurement | value | p50 | p99 | ceiling (same run) | ratio |\n|---|---|---|---|---|---|\n");
		row(out, "single event via gateway", perSecond(this.single.requestsPerSecond(), "req/s"), this.single,
				"direct to ingestion " + perSecond(this.direct.requestsPerSecond(), "req/s"),
				this.single.requestsPerSecond() / this.direct.requestsPerSecond());
		row(out, "single event direct to ingestion", perSecond(this.direct.requestsPerSecond(), "req/s"), this.direct,
				"raw producer " + perSecond(this.producer, "events/s"), this.direct.eventsPerSecond() / this.producer);
		row(out, "batch via gateway", perSecond(this.batch.eventsPerSecond(), "events/s"), this.batch,
				"raw producer " + perSecond(this.producer, "events/s"), this.batch.eventsPerSecond() / this.producer);
		out.append(String.format(Locale.ROOT, "| archive catch-up (%s) | %s | | | raw COPY %s | %.2f |%n",
				this.caughtUp ? "complete" : "INCOMPLETE", perSecond(this.catchUp, "rows/s"),
				perSecond(this.copy, "rows/s"), this.catchUp / this.copy));
		out.append(String.format(Locale.ROOT,
				"| archive lag (accepted → row), single-event phase | | %.2f s | %.2f s " + "| target p99 ≤ 5 s | |%n",
				this.lag[0], this.lag[1]));
		out.append(String.format(Locale.ROOT, "%nRefused or failed requests: single %s, direct %s, batch %s.%n",
				this.single.failures(), this.direct.failures(), this.batch.failures()));
		return out.toString();
	}

	private static void row(StringBuilder out, String name, String value, HttpLoad.Result result, String ceiling,
			double ratio) {
		out.append(String.format(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %s | %.2f |%n", name, value,
				result.latencies().percentileMillis(0.5), result.latencies().percentileMillis(0.99), ceiling, ratio));
	}

	private static String perSecond(double value, String unit) {
		return String.format(Locale.ROOT, "%,.0f %s", value, unit);
	}

}
