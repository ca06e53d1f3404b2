package io.pulsehub.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * Looks at the archive from outside: how many events it holds, how late they arrived, and
 * what raw {@code COPY} into the same table shape achieves.
 */
final class ArchiveProbe implements AutoCloseable {

	private final Connection connection;

	ArchiveProbe(String jdbcUrl, String password) throws SQLException {
		this.connection = DriverManager.getConnection(jdbcUrl, "ingestion", password);
	}

	long archived() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT count(*) FROM activity_event_ids")) {
			count.next();
			return count.getLong(1);
		}
	}

	/**
	 * Waits until the archive holds at least {@code target} events.
	 * @return whether it got there within the timeout
	 */
	boolean awaitArchived(long target, Duration timeout) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (archived() < target) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(100);
		}
		return true;
	}

	/**
	 * Archive lag of one run's events: received by ingestion → row committed.
	 * @return p50 and p99 in seconds
	 */
	double[] lagSeconds(String runId) throws SQLException {
		String sql = "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag), percentile_cont(0.99) WITHIN GROUP "
				+ "(ORDER BY lag) FROM (SELECT extract(epoch FROM archived_at - received_at) AS lag FROM activity_events "
				+ "WHERE event_id LIKE ? AND occurred_at > now() - interval '2 hours') lags";
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, runId + "-%");
			try (ResultSet lags = statement.executeQuery()) {
				lags.next();
				return new double[] { lags.getDouble(1), lags.getDouble(2) };
			}
		}
	}

	/**
	 * The archive's ceiling: COPY rows of the same shape into a temporary copy of the
	 * table.
	 * @return rows per second
	 */
	double copyRowsPerSecond(int rows) throws Exception {
		StringBuilder csv = new StringBuilder(rows * 300);
		for (int i = 0; i < rows; i++) {
			csv.append(UUID.randomUUID())
				.append(",bench-user-")
				.append(i % 10_000)
				.append(",PAGE_VIEW,2026-11-23T10:00:00Z,2026-11-23T10:00:00Z,s-1,item-1,")
				.append("https://shop.example/item-1,Mozilla/5.0 (Windows NT 10.0; Win64; x64),203.0.113.0,0,,{},0,")
				.append(i)
				.append('\n');
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE IF NOT EXISTS bench_copy (LIKE activity_events INCLUDING DEFAULTS)");
			statement.execute("TRUNCATE bench_copy");
		}
		long start = System.nanoTime();
		this.connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY bench_copy (event_id, user_id, event_type, occurred_at, received_at, session_id, item_id, "
					+ "page_url, user_agent, ip, amount_minor, currency, properties, kafka_partition, kafka_offset) "
					+ "FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
		return rows / ((System.nanoTime() - start) / 1e9);
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
