package io.pulsehub.points.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The ledger and account tables on the primary: appends, guarded snapshot writes and the
 * look-ups commands need.
 */
class LedgerStore {

	private static final String EVENT_COLUMNS = "event_id, user_id, sequence, type, amount, balance_after, reason, "
			+ "transaction_id, reverses_transaction_id, idempotency_key, occurred_at";

	private static final RowMapper<LedgerEvent> EVENT = LedgerStore::event;

	private final JdbcTemplate jdbc;

	LedgerStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> account(String userId) {
		return this.jdbc
			.query("SELECT user_id, balance, lifetime_earned, lifetime_spent, version FROM points_accounts "
					+ "WHERE user_id = ?",
					(rows, i) -> new Account(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
							rows.getLong(5)),
					userId)
			.stream()
			.findFirst();
	}

	/**
	 * Writes the snapshot only if nobody else moved the account since {@code previous}
	 * was read.
	 * @param previous the snapshot the command started from
	 * @param next the snapshot after the command
	 * @return false on a concurrent change
	 */
	boolean save(Account previous, Account next, Timestamp at) {
		if (previous.isNew()) {
			return this.jdbc.update(
					"INSERT INTO points_accounts (user_id, balance, lifetime_earned, lifetime_spent, version, "
							+ "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING",
					next.userId(), next.balance(), next.lifetimeEarned(), next.lifetimeSpent(), next.version(),
					at) == 1;
		}
		return this.jdbc.update(
				"UPDATE points_accounts SET balance = ?, lifetime_earned = ?, lifetime_spent = ?, version = ?, "
						+ "updated_at = ? WHERE user_id = ? AND version = ?",
				next.balance(), next.lifetimeEarned(), next.lifetimeSpent(), next.version(), at, next.userId(),
				previous.version()) == 1;
	}

	void append(LedgerEvent event) {
		this.jdbc.update("INSERT INTO points_ledger (" + EVENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				event.eventId(), event.userId(), event.sequence(), event.type().name(), event.amount(),
				event.balanceAfter(), event.reason(), event.transactionId(), event.reversesTransactionId(),
				event.idempotencyKey(), Timestamp.from(event.occurredAt()));
	}

	Optional<LedgerEvent> byTransaction(UUID transactionId) {
		return this.jdbc
			.query("SELECT " + EVENT_COLUMNS + " FROM points_ledger WHERE transaction_id = ?", EVENT, transactionId)
			.stream()
			.findFirst();
	}

	boolean isReversed(UUID transactionId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM points_ledger WHERE reverses_transaction_id = ?)", Boolean.class,
				transactionId));
	}

	private static LedgerEvent event(ResultSet rows, int rowNum) throws SQLException {
		return new LedgerEvent(rows.getObject("event_id", UUID.class), rows.getString("user_id"),
				rows.getLong("sequence"), EntryType.valueOf(rows.getString("type")), rows.getLong("amount"),
				rows.getLong("balance_after"), rows.getString("reason"), rows.getObject("transaction_id", UUID.class),
				rows.getObject("reverses_transaction_id", UUID.class), rows.getString("idempotency_key"),
				rows.getTimestamp("occurred_at").toInstant());
	}

}
