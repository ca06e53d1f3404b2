package io.pulsehub.points.query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.baomidou.dynamic.datasource.annotation.DS;
import io.pulsehub.points.datasource.DataSourceKeys;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side's SQL, routed to the replica (the primary while the replica is down).
 * Methods are public because dynamic-datasource only routes public methods.
 */
class PointsQueries {

	private final JdbcTemplate jdbc;

	PointsQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@DS(DataSourceKeys.READ)
	public Optional<BalanceView> balance(String userId) {
		return this.jdbc
			.query("SELECT user_id, balance, lifetime_earned, lifetime_spent, version, updated_at "
					+ "FROM points_accounts WHERE user_id = ?",
					(rows, i) -> new BalanceView(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
							rows.getLong(5), rows.getTimestamp(6).toInstant()),
					userId)
			.stream()
			.findFirst();
	}

	/**
	 * A page of history; fetches one row more than asked to tell whether more exist.
	 */
	@DS(DataSourceKeys.READ)
	public List<HistoryEntry> history(String userId, int offset, int limit) {
		return this.jdbc.query(
				"SELECT sequence, transaction_id, type, amount, balance_after, reason, reverses_transaction_id, "
						+ "occurred_at FROM points_ledger WHERE user_id = ? ORDER BY sequence DESC OFFSET ? LIMIT ?",
				(rows, i) -> new HistoryEntry(rows.getLong(1), rows.getObject(2, UUID.class).toString(),
						rows.getString(3), rows.getLong(4), rows.getLong(5), rows.getString(6),
						Optional.ofNullable(rows.getObject(7, UUID.class)).map(UUID::toString).orElse(null),
						rows.getTimestamp(8).toInstant()),
				userId, offset, limit);
	}

	/**
	 * Which server answered: lets tests and operators see the routing.
	 */
	@DS(DataSourceKeys.READ)
	public boolean readOnlyConnection() {
		return "on".equals(this.jdbc.queryForObject("SHOW transaction_read_only", String.class));
	}

}
