package io.pulsehub.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The markdown report of one points command benchmark: each phase next to the raw
 * PostgreSQL ceiling of the ledger's transaction shape, the paced phase against the issue
 * 8 target, the duplicate check, the pools and the CPU each process used per phase.
 *
 * @param settings where and how long
 * @param pools pool name → maximum size, as points-service reports them
 * @param phases closed-loop phases by name, in run order
 * @param paced the paced 70/30 earn/spend phase through the gateway
 * @param pacedCpu CPU per process over the paced phase
 * @param ceiling the raw PostgreSQL ledger transaction ceiling
 * @param duplicates the duplicate check over the whole run
 */
record PointsReport(BenchSettings settings, Map<String, Integer> pools, Map<String, Phase> phases,
		PacedLoad.Result paced, Map<String, Double> pacedCpu, LedgerCeiling.Result ceiling, Duplicates duplicates) {

	private static final double TARGET_RATE = 1_500;

	private static final double TARGET_P99_MILLIS = 50;

	/**
	 * One closed-loop phase.
	 *
	 * @param result the load's result (201 = accepted)
	 * @param cpu CPU per process over the phase
	 */
	record Phase(HttpLoad.Result result, Map<String, Double> cpu) {
	}

	/**
	 * Accepted commands of the whole run (warm-up included) against the ledger.
	 *
	 * @param accepted 201 answers
	 * @param ledgerRows ledger events carrying one of the run's idempotency keys
	 * @param distinctKeys distinct keys among them
	 */
	record Duplicates(long accepted, long ledgerRows, long distinctKeys) {

		boolean none() {
			return this.ledgerRows == this.distinctKeys && this.ledgerRows == this.accepted;
		}

	}

	String markdown(Instant when) {
		StringBuilder out = new StringBuilder("## Points commands\n\n");
		out.append(String.format(Locale.ROOT,
				"Run %s: `POST /api/v1/points/{id}/earn` (100 points) and `/spend` (1 point), each with its own "
						+ "`Idempotency-Key`, users round robin over %,d per run; %d s per phase, closed loop with %d "
						+ "clients, then open loop at %,.0f/s (70 %% earns). Pools (points-service's "
						+ "`hikaricp_connections_max`): %s. Target from issue 8: ≥ %,.0f commands/s at p99 ≤ %.0f ms "
						+ "through the gateway, zero duplicates.%n%n",
				when, PointsCommands.USERS, this.settings.phase().toSeconds(), PointsBenchmark.CLIENTS,
				PointsBenchmark.PACED_RATE, this.pools.isEmpty() ? "not reported" : this.pools, TARGET_RATE,
				TARGET_P99_MILLIS));
		out.append("| measurement | commands/s | p50 / p99 | ceiling (same run) | ratio or verdict |\n")
			.append("|---|---|---|---|---|\n");
		double raw = this.ceiling.perSecond();
		this.phases.forEach((name,
				phase) -> out.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %.2f |%n", name,
						phase.result().requestsPerSecond(), quantiles(phase.result().latencies()), ceilingText(),
						phase.result().requestsPerSecond() / raw)));
		double p99 = this.paced.latencies().percentileMillis(0.99);
		double answered = this.paced.eventsPerSecond();
		out.append(String.format(Locale.ROOT,
				"| **70/30 earn/spend via gateway at %,.0f/s** (paced), scheduled departure → 201 | %,.0f answered "
						+ "| %s | ≥ %,.0f/s at p99 ≤ %.0f ms | %s |%n",
				this.paced.targetEventsPerSecond(), answered, quantiles(this.paced.latencies()), TARGET_RATE,
				TARGET_P99_MILLIS, verdict(p99 <= TARGET_P99_MILLIS && answered >= TARGET_RATE * 0.99
						&& this.paced.skipped() == 0 && this.paced.failures().isEmpty())));
		out.append(String.format(Locale.ROOT,
				"| raw PostgreSQL, ledger transaction shape (ceiling) | %,.0f tx/s | %s | | |%n", raw,
				quantiles(this.ceiling.latencies())));
		notes(out);
		return out.toString();
	}

	private String ceilingText() {
		return String.format(Locale.ROOT, "raw ledger tx %,.0f/s", this.ceiling.perSecond());
	}

	private void notes(StringBuilder out) {
		out.append(String.format(Locale.ROOT,
				"%n- Duplicates: %,d commands answered 201 (warm-up included), %,d ledger events with the run's keys, "
						+ "%,d distinct keys: %s. `Idempotent-Replayed` on the 201s: paced %s%s.%n",
				this.duplicates.accepted(), this.duplicates.ledgerRows(), this.duplicates.distinctKeys(),
				this.duplicates.none() ? "zero duplicates" : "**MISMATCH** (a key applied twice or an answer lost)",
				this.paced.tally(), closedLoopTallies()));
		StringBuilder refused = new StringBuilder();
		this.phases
			.forEach((name, phase) -> refused.append(name).append(' ').append(phase.result().failures()).append("; "));
		out.append(String.format(Locale.ROOT,
				"- Refused or failed commands (status → count, 0 = no answer): %spaced %s; paced departures skipped "
						+ "because 512 requests were unanswered: %d.%n",
				refused, this.paced.failures(), this.paced.skipped()));
		out.append(String.format(Locale.ROOT,
				"- Raw PostgreSQL ceiling: %d JDBC clients (the primary pool's size), each in a closed loop: `UPDATE` "
						+ "one of 50,000 account snapshots `RETURNING` its version, `INSERT` one event row, `COMMIT`, on "
						+ "copies of `points_accounts`/`points_ledger` with their constraints and indexes; %,d "
						+ "transactions. A command also claims its key, reads the account and its risk history, writes "
						+ "the snapshot and the event in one statement, then an outbox row and the key's outcome (6 "
						+ "statements and the commit).%n",
				this.ceiling.clients(), this.ceiling.transactions()));
		out.append("- Direct calls carry the gateway's internal signature (`InternalCallSignature`), so they skip the "
				+ "gateway only.\n");
		this.phases.forEach((name, phase) -> out.append("- CPU, ")
			.append(name)
			.append(": ")
			.append(CpuUsage.describe(phase.cpu()))
			.append('\n'));
		out.append("- CPU, paced: ").append(CpuUsage.describe(this.pacedCpu)).append('\n');
		out.append("- The load generator, the whole mesh and local-stack share the same cores; the benchmark's own "
				+ "CPU is listed last in each line.\n");
	}

	private String closedLoopTallies() {
		StringBuilder tallies = new StringBuilder();
		this.phases
			.forEach((name, phase) -> tallies.append("; ").append(name).append(' ').append(phase.result().tally()));
		return tallies.toString();
	}

	private static String quantiles(Latencies latencies) {
		return String.format(Locale.ROOT, "%.2f / %.2f ms", latencies.percentileMillis(0.5),
				latencies.percentileMillis(0.99));
	}

	private static String verdict(boolean met) {
		return met ? "met" : "**not met**";
	}

}
