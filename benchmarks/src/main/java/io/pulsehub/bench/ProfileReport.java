package io.pulsehub.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The markdown report of one profile read benchmark: each measurement next to its ceiling
 * or target (issue 6), the share of reads each cache level answered, and the CPU each
 * process used per phase.
 *
 * @param settings where and how long
 * @param users seeded users the reads pick from at random
 * @param gateway closed-loop reads through the gateway
 * @param direct closed-loop reads straight to profile-service
 * @param redis raw {@code HGETALL} ceiling
 * @param paced paced reads through the gateway
 * @param cpu CPU per process per phase
 * @param fallback first reads of users only in MongoDB
 */
record ProfileReport(BenchSettings settings, int users, HttpLoad.Result gateway, HttpLoad.Result direct,
		RedisCeiling.Result redis, PacedLoad.Result paced, Cpu cpu, Fallback fallback) {

	private static final double TARGET_P99_MILLIS = 8;

	private static final double TARGET_REQUESTS_PER_SECOND = 5_000;

	private static final double TARGET_RATIO = 0.5;

	/**
	 * CPU per process (percent of one core) over each phase.
	 *
	 * @param gateway the closed-loop gateway phase
	 * @param direct the closed-loop direct phase
	 * @param paced the paced phase
	 */
	record Cpu(Map<String, Double> gateway, Map<String, Double> direct, Map<String, Double> paced) {
	}

	/**
	 * The MongoDB fallback phase.
	 *
	 * @param users users seeded, then removed from Redis, each read once
	 * @param reads their reads through the gateway
	 */
	record Fallback(int users, HttpLoad.Result reads) {
	}

	String markdown(Instant when) {
		StringBuilder out = new StringBuilder("## Profile reads\n\n");
		out.append(String.format(Locale.ROOT,
				"Run %s: `GET /api/v1/profiles/{id}` of a random one of %,d seeded users (two attributes and one "
						+ "event each); %d s per phase, closed loop with %d clients, then open loop at %,.0f req/s. "
						+ "Targets from issue 6: p99 ≤ %.0f ms at %,.0f req/s through the gateway, ≥ %,.0f req/s, "
						+ "gateway/direct ≥ %.1f.%n%n",
				when, this.users, this.settings.phase().toSeconds(), ProfileBenchmark.CLIENTS,
				ProfileBenchmark.PACED_RATE, TARGET_P99_MILLIS, ProfileBenchmark.PACED_RATE, TARGET_REQUESTS_PER_SECOND,
				TARGET_RATIO));
		out.append("| measurement | value | p50 / p99 | ceiling or target (same run) | ratio or verdict |\n")
			.append("|---|---|---|---|---|\n");
		double viaGateway = this.gateway.requestsPerSecond();
		double direct = this.direct.requestsPerSecond();
		out.append(String.format(Locale.ROOT,
				"| GET via gateway, max (closed loop) | %,.0f req/s | %s | direct "
						+ "%,.0f req/s; target ≥ %,.0f req/s | %.2f (target ≥ %.1f); %s |%n",
				viaGateway, quantiles(this.gateway.latencies()), direct, TARGET_REQUESTS_PER_SECOND,
				viaGateway / direct, TARGET_RATIO,
				verdict(viaGateway >= TARGET_REQUESTS_PER_SECOND && viaGateway / direct >= TARGET_RATIO)));
		out.append(String.format(Locale.ROOT,
				"| GET direct to profile-service, max (closed loop) | %,.0f req/s | %s | raw Redis %,.0f reads/s "
						+ "| %.2f |%n",
				direct, quantiles(this.direct.latencies()), this.redis.readsPerSecond(),
				direct / this.redis.readsPerSecond()));
		out.append(
				String.format(Locale.ROOT, "| raw Redis `HGETALL profile:{id}` (ceiling) | %,.0f reads/s | %s | | |%n",
						this.redis.readsPerSecond(), quantiles(this.redis.latencies())));
		out.append(String.format(Locale.ROOT,
				"| GET via gateway, **MongoDB fallback** (first read of %,d users only in MongoDB, closed loop) "
						+ "| %,.0f req/s | %s | Redis hits via gateway %,.0f req/s | %.2f |%n",
				this.fallback.users(), this.fallback.reads().requestsPerSecond(),
				quantiles(this.fallback.reads().latencies()), viaGateway,
				this.fallback.reads().requestsPerSecond() / viaGateway));
		double p99 = this.paced.latencies().percentileMillis(0.99);
		out.append(String.format(Locale.ROOT,
				"| **GET via gateway at %,.0f req/s** (paced), scheduled departure → 200 | %,.0f req/s answered | %s "
						+ "| p99 ≤ %.0f ms | %s |%n",
				this.paced.targetEventsPerSecond(), this.paced.eventsPerSecond(), quantiles(this.paced.latencies()),
				TARGET_P99_MILLIS, verdict(p99 <= TARGET_P99_MILLIS && this.paced.skipped() == 0)));
		notes(out);
		return out.toString();
	}

	private void notes(StringBuilder out) {
		out.append(String.format(Locale.ROOT,
				"%n- Level that answered (`X-Profile-Source`, l1 = in-process cache, "
						+ "l2 = Redis, l3 = MongoDB): via gateway %s; direct %s; paced %s.%n",
				shares(this.gateway.tally()), shares(this.direct.tally()), shares(this.paced.tally())));
		out.append(String.format(Locale.ROOT,
				"- MongoDB fallback phase: %,d of %,d users read (%s), refused or failed %s; the benchmark waited "
						+ "until the stream-processor and the sync-service had consumed every seed event and change "
						+ "(so MongoDB held every seeded profile), then deleted these users' Redis hashes; each "
						+ "fallback read re-warms Redis.%n",
				this.fallback.reads().requests(), this.fallback.users(), shares(this.fallback.reads().tally()),
				this.fallback.reads().failures()));
		out.append(String.format(Locale.ROOT,
				"- Refused or failed reads: via gateway %s, direct %s, paced %s; paced departures skipped because "
						+ "512 requests were unanswered: %d.%n",
				this.gateway.failures(), this.direct.failures(), this.paced.failures(), this.paced.skipped()));
		out.append(String.format(Locale.ROOT,
				"- Raw Redis: %,d reads from %d virtual threads over one Lettuce connection (commands pipelined); "
						+ "%,d found no hash, %.0f%% held real-time tags, %.1f fields per hash.%n",
				this.redis.reads(), ProfileBenchmark.CLIENTS, this.redis.empty(),
				100.0 * this.redis.withRealtime() / Math.max(1, this.redis.reads()), this.redis.fields()));
		out.append("- Direct calls carry the gateway's internal signature (`InternalCallSignature`, computed per "
				+ "request by the client), so they skip the gateway only.\n");
		out.append("- CPU, closed loop via gateway: ").append(CpuUsage.describe(this.cpu.gateway())).append('\n');
		out.append("- CPU, closed loop direct: ").append(CpuUsage.describe(this.cpu.direct())).append('\n');
		out.append("- CPU, paced via gateway: ").append(CpuUsage.describe(this.cpu.paced())).append('\n');
		out.append("- The load generator, the whole mesh, local-stack (Kafka, Redis, MongoDB, PostgreSQL) share the "
				+ "same cores; the benchmark's own CPU is listed last in each line.\n");
	}

	private static String quantiles(Latencies latencies) {
		return String.format(Locale.ROOT, "%.2f / %.2f ms", latencies.percentileMillis(0.5),
				latencies.percentileMillis(0.99));
	}

	private static String shares(Map<String, Long> tally) {
		long total = tally.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return "none";
		}
		return tally.entrySet()
			.stream()
			.map((entry) -> String.format(Locale.ROOT, "%s %.1f%%", entry.getKey(), 100.0 * entry.getValue() / total))
			.collect(Collectors.joining(", "));
	}

	private static String verdict(boolean met) {
		return met ? "met" : "**not met**";
	}

}
