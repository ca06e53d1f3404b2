package io.pulsehub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The raw PostgreSQL ceiling of the points ledger, pgbench style: N JDBC clients, each
 * running the ledger's transaction shape in a closed loop (update one account snapshot
 * and read back its version, insert one event row, commit) on copies of
 * {@code points_accounts} and {@code points_ledger} with the same columns, constraints
 * and indexes, in the points database; the copies are dropped afterwards.
 */
final class LedgerCeiling {

	private static final int ACCOUNTS = 50_000;

	private static final String ACCOUNTS_TABLE = "bench_ceiling_accounts";

	private static final String LEDGER_TABLE = "bench_ceiling_ledger";

	private final String jdbcUrl;

	private final String password;

	LedgerCeiling(String jdbcUrl, String password) {
		this.jdbcUrl = jdbcUrl;
		this.password = password;
	}

	/**
	 * One ceiling phase.
	 *
	 * @param clients concurrent connections
	 * @param transactions transactions committed
	 * @param seconds the phase's length
	 * @param latencies per transaction
	 */
	record Result(int clients, long transactions, double seconds, Latencies latencies) {

		double perSecond() {
			return this.transactions / this.seconds;
		}

	}

	Result run(int clients, Duration duration) throws Exception {
		try (Connection admin = connect(); Statement ddl = admin.createStatement()) {
			ddl.execute("DROP TABLE IF EXISTS " + LEDGER_TABLE + ", " + ACCOUNTS_TABLE);
			ddl.execute("CREATE TABLE " + ACCOUNTS_TABLE + " (LIKE points_accounts INCLUDING ALL)");
			ddl.execute("CREATE TABLE " + LEDGER_TABLE + " (LIKE points_ledger INCLUDING ALL)");
			ddl.execute("INSERT INTO " + ACCOUNTS_TABLE + " SELECT 'c-' || g, 0, 0, 0, 1, now() "
					+ "FROM generate_series(0, " + (ACCOUNTS - 1) + ") g");
			ddl.execute("ANALYZE " + ACCOUNTS_TABLE);
			try {
				return measure(clients, duration);
			}
			finally {
				ddl.execute("DROP TABLE IF EXISTS " + LEDGER_TABLE + ", " + ACCOUNTS_TABLE);
			}
		}
	}

	private Result measure(int clients, Duration duration) throws InterruptedException {
		Latencies latencies = new Latencies();
		LongAdder committed = new LongAdder();
		List<Exception> failures = new ArrayList<>();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			threads.add(Thread.ofPlatform().name("ledger-ceiling-" + i).start(() -> {
				try {
					client(end, latencies, committed);
				}
				catch (SQLException ex) {
					synchronized (failures) {
						failures.add(ex);
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("ledger ceiling client failed: " + failures.get(0).getMessage(),
					failures.get(0));
		}
		return new Result(clients, committed.sum(), (System.nanoTime() - start) / 1e9, latencies);
	}

	private void client(long end, Latencies all, LongAdder committed) throws SQLException {
		Latencies mine = new Latencies();
		try (Connection connection = connect();
				PreparedStatement update = connection.prepareStatement("UPDATE " + ACCOUNTS_TABLE
						+ " SET balance = balance + ?, lifetime_earned = lifetime_earned + ?, version = version + 1, "
						+ "updated_at = now() WHERE user_id = ? RETURNING version, balance");
				PreparedStatement insert = connection.prepareStatement("INSERT INTO " + LEDGER_TABLE
						+ " (event_id, user_id, sequence, type, amount, balance_after, reason, transaction_id, "
						+ "idempotency_key, occurred_at) VALUES (?, ?, ?, 'EARNED', ?, ?, 'bench', ?, ?, now())")) {
			connection.setAutoCommit(false);
			while (System.nanoTime() < end) {
				long began = System.nanoTime();
				String user = "c-" + ThreadLocalRandom.current().nextInt(ACCOUNTS);
				update.setLong(1, PointsCommands.EARN);
				update.setLong(2, PointsCommands.EARN);
				update.setString(3, user);
				try (ResultSet row = update.executeQuery()) {
					row.next();
					insert.setObject(1, UUID.randomUUID());
					insert.setString(2, user);
					insert.setLong(3, row.getLong(1));
					insert.setLong(4, PointsCommands.EARN);
					insert.setLong(5, row.getLong(2));
				}
				UUID transaction = UUID.randomUUID();
				insert.setObject(6, transaction);
				insert.setString(7, transaction.toString());
				insert.executeUpdate();
				connection.commit();
				mine.add(System.nanoTime() - began);
				committed.increment();
			}
		}
		all.addAll(mine);
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, "points", this.password);
	}

	/**
	 * Ledger events the run's commands wrote and how many distinct idempotency keys they
	 * carry: equal when no command was applied twice.
	 * @param keyPrefix the run's key prefix
	 * @return {rows, distinct keys}
	 */
	long[] ledgerRowsAndKeys(String keyPrefix) throws SQLException {
		try (Connection connection = connect();
				PreparedStatement count = connection.prepareStatement(
						"SELECT count(*), count(DISTINCT idempotency_key) FROM points_ledger WHERE idempotency_key LIKE ?")) {
			count.setString(1, keyPrefix + "%");
			try (ResultSet row = count.executeQuery()) {
				row.next();
				return new long[] { row.getLong(1), row.getLong(2) };
			}
		}
	}

}
