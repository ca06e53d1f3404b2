package io.pulsehub.points.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
	 * Moves the snapshot and appends the event in one statement, both only if nobody else
	 * moved the account since {@code previous} was read: the event's insert takes its row
	 * from the snapshot's guarded write.
	 * @param previous the snapshot the command started from
	 * @param next the snapshot after the command
	 * @param event the event that moves it
	 * @return false on a concurrent change (nothing written)
	 */
	boolean saveAndAppend(Account previous, Account next, LedgerEvent event) {
		Timestamp at = Timestamp.from(event.occurredAt());
		String moved;
		List<Object> arguments = new ArrayList<>();
		if (previous.isNew()) {
			moved = "INSERT INTO points_accounts (user_id, balance, lifetime_earned, lifetime_spent, version, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING RETURNING user_id";
			arguments.addAll(List.of(next.userId(), next.balance(), next.lifetimeEarned(), next.lifetimeSpent(),
					next.version(), at));
		}
		else {
			moved = "UPDATE points_accounts SET balance = ?, lifetime_earned = ?, lifetime_spent = ?, version = ?, "
					+ "updated_at = ? WHERE user_id = ? AND version = ? RETURNING user_id";
			arguments.addAll(List.of(next.balance(), next.lifetimeEarned(), next.lifetimeSpent(), next.version(), at,
					next.userId(), previous.version()));
		}
		// the reversed transaction and the key may be null: Arrays.asList, not List.of
		arguments.addAll(Arrays.asList(event.eventId(), event.sequence(), event.type().name(), event.amount(),
				event.balanceAfter(), event.reason(), event.transactionId(), event.reversesTransactionId(),
				event.idempotencyKey(), at));
		return this.jdbc.update("WITH moved AS (" + moved + ") INSERT INTO points_ledger (" + EVENT_COLUMNS + ") "
				+ "SELECT ?::uuid, moved.user_id, ?::bigint, ?::text, ?::bigint, ?::bigint, ?::text, ?::uuid, "
				+ "?::uuid, ?::text, ?::timestamptz FROM moved", arguments.toArray()) == 1;
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
