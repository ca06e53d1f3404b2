package io.pulsehub.points.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import com.baomidou.dynamic.datasource.DynamicRoutingDataSource;
import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import io.pulsehub.points.datasource.DataSourceKeys;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Earn/spend commands per second and their latency, straight to the service (signed as
 * the gateway signs, the gateway itself is not in the path), against the raw PostgreSQL
 * ceiling of the same primary pool: a TPC-B-like transaction (one UPDATE, one INSERT, one
 * commit) from as many threads as the pool has connections. Not a test: run it on purpose
 * with {@code -Dit.test=PointsCommandBenchmark}; it only asserts that no command was
 * applied twice.
 */
@PointsIntegrationTest
class PointsCommandBenchmark {

	private static final Logger logger = LoggerFactory.getLogger(PointsCommandBenchmark.class);

	private static final Duration WARM_UP = Duration.ofSeconds(10);

	private static final Duration MEASURE = Duration.ofSeconds(20);

	private static final int USERS = 20_000;

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void measuresCommandsAgainstThePostgresCeiling() throws Exception {
		int pool = 8;
		double ceiling = postgresCeiling(pool, MEASURE);
		Cpu cpu = new Cpu();
		double pings = pings(8, MEASURE);
		double pingCpu = cpu.sinceLast();
		String run = Long.toString(System.currentTimeMillis(), 36);
		commands(run + "w", 32, WARM_UP);
		List<String> rows = new ArrayList<>();
		for (int clients : new int[] { 8, 32 }) {
			cpu.sinceLast();
			Result result = commands(run + "c" + clients, clients, MEASURE);
			double commandCpu = cpu.sinceLast();
			long applied = this.jdbc.queryForObject("SELECT count(*) FROM points_ledger WHERE idempotency_key LIKE ?",
					Long.class, run + "c" + clients + "-%");
			assertThat(applied).as("ledger events = successful commands").isEqualTo(result.ok());
			rows.add(String.format(Locale.ROOT, "| %d | %.0f | %.2f | %.1f | %.1f | %.1f | %d | %d | %.0f%% |", clients,
					result.perSecond(), result.perSecond() / ceiling, result.percentile(0.50), result.percentile(0.99),
					result.percentile(1.0), result.ok(), result.refused(), commandCpu * 100));
		}
		String report = String.format(Locale.ROOT,
				"%nraw PostgreSQL ceiling (%d connections, UPDATE+INSERT+COMMIT): %.0f tx/s%n"
						+ "signed HTTP round trip ceiling (GET /api/v1/points/_ping, 8 clients): %.0f req/s, "
						+ "test JVM at %.0f%% of the machine's CPU%n"
						+ "| closed-loop clients | commands/s | ratio to PostgreSQL ceiling | p50 ms | p99 ms | max ms "
						+ "| applied | refused (409/422) | test JVM CPU |%n|---|---|---|---|---|---|---|---|---|%n%s%n",
				pool, ceiling, pings, pingCpu * 100, String.join(System.lineSeparator(), rows));
		logger.info(report);
	}

	private Result commands(String prefix, int clients, Duration duration) throws InterruptedException {
		PointsApi api = new PointsApi(this.port);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		LongAdder ok = new LongAdder();
		LongAdder refused = new LongAdder();
		LongAdder sequence = new LongAdder();
		long end = System.nanoTime() + duration.toNanos();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				executor.submit(() -> {
					while (System.nanoTime() < end) {
						sequence.increment();
						String user = "bench-" + ThreadLocalRandom.current().nextInt(USERS);
						String key = prefix + "-" + sequence.sum() + "-" + Thread.currentThread().threadId();
						boolean spend = ThreadLocalRandom.current().nextInt(10) < 3;
						long start = System.nanoTime();
						HttpResponse<String> response = spend
								? api.spend(user, key, "{\"amount\": 1, \"reason\": \"bench\"}")
								: api.earn(user, key, "{\"amount\": 5, \"reason\": \"bench\"}");
						latencies.add(System.nanoTime() - start);
						if (response.statusCode() == 201) {
							ok.increment();
						}
						else {
							refused.increment();
						}
					}
				});
			}
			executor.shutdown();
			executor.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(ok.sum(), refused.sum(), (ok.sum() + refused.sum()) / (double) duration.toSeconds(), sorted);
	}

	private double pings(int clients, Duration duration) throws InterruptedException {
		PointsApi api = new PointsApi(this.port);
		LongAdder answered = new LongAdder();
		long end = System.nanoTime() + duration.toNanos();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				executor.submit(() -> {
					while (System.nanoTime() < end) {
						if (api.get("/api/v1/points/_ping").statusCode() == 200) {
							answered.increment();
						}
					}
				});
			}
		}
		return answered.sum() / (double) duration.toSeconds();
	}

	private double postgresCeiling(int threads, Duration duration) throws Exception {
		DataSource primary = ((DynamicRoutingDataSource) this.dataSource).getDataSource(DataSourceKeys.PRIMARY);
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS bench_ceiling_accounts (id int PRIMARY KEY, balance bigint)");
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS bench_ceiling_history (id bigserial PRIMARY KEY, "
				+ "account int, delta bigint, at timestamptz DEFAULT now())");
		this.jdbc.execute("INSERT INTO bench_ceiling_accounts SELECT g, 0 FROM generate_series(0, 9999) g "
				+ "ON CONFLICT DO NOTHING");
		LongAdder transactions = new LongAdder();
		long end = System.nanoTime() + duration.toNanos();
		try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
			for (int t = 0; t < threads; t++) {
				executor.submit(() -> {
					try (Connection connection = primary.getConnection();
							PreparedStatement update = connection.prepareStatement(
									"UPDATE bench_ceiling_accounts SET balance = balance + 1 WHERE id = ?");
							PreparedStatement insert = connection
								.prepareStatement("INSERT INTO bench_ceiling_history (account, delta) VALUES (?, 1)")) {
						connection.setAutoCommit(false);
						while (System.nanoTime() < end) {
							int account = ThreadLocalRandom.current().nextInt(10_000);
							update.setInt(1, account);
							update.executeUpdate();
							insert.setInt(1, account);
							insert.executeUpdate();
							connection.commit();
							transactions.increment();
						}
						connection.setAutoCommit(true);
					}
					return null;
				});
			}
		}
		finally {
			this.jdbc.execute("DROP TABLE IF EXISTS bench_ceiling_accounts, bench_ceiling_history");
		}
		return transactions.sum() / (double) duration.toSeconds();
	}

	/**
	 * The test JVM's (service, load generator, in-process Kafka) share of all cores
	 * between two calls.
	 */
	private static final class Cpu {

		private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();

		private long lastCpu = this.os.getProcessCpuTime();

		private long lastWall = System.nanoTime();

		double sinceLast() {
			long cpu = this.os.getProcessCpuTime();
			long wall = System.nanoTime();
			double share = (cpu - this.lastCpu) / (double) (wall - this.lastWall) / this.os.getAvailableProcessors();
			this.lastCpu = cpu;
			this.lastWall = wall;
			return share;
		}

	}

	/**
	 * One measured phase.
	 */
	private record Result(long ok, long refused, double perSecond, long[] sortedNanos) {

		double percentile(double p) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.sortedNanos.length - 1, Math.ceil(p * this.sortedNanos.length) - 1);
			return this.sortedNanos[Math.max(0, index)] / 1e6;
		}

	}

}
