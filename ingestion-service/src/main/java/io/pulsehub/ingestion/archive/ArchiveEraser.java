package io.pulsehub.ingestion.archive;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a user from the archive: in one transaction, the {@code archive_erasures}
 * tombstone and the deletion of every {@code activity_events} row of theirs.
 * <p>
 * The transaction first takes the tombstone table's ACCESS EXCLUSIVE lock, which waits
 * for every archive write in flight (each reads the table, holding ACCESS SHARE until it
 * commits) and holds back the next ones until the tombstone is committed. So no write
 * that missed the tombstone can commit a row after the deletion; every later write sees
 * it and drops the user's events. Erasures are rare; the archiver waits milliseconds.
 * Erasing twice is harmless (the first tombstone stays, nothing is left to delete).
 */
class ArchiveEraser {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	ArchiveEraser(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Erases the user's archived events.
	 * @param userId the erased user
	 * @return how many rows were deleted
	 * @throws org.springframework.dao.DataAccessException if PostgreSQL failed; nothing
	 * changed then
	 */
	long erase(String userId) {
		Long deleted = this.transactions.execute((status) -> {
			this.jdbc.execute("LOCK TABLE archive_erasures IN ACCESS EXCLUSIVE MODE");
			int rows = this.jdbc.update("DELETE FROM activity_events WHERE user_id = ?", userId);
			this.jdbc.update(
					"INSERT INTO archive_erasures (user_id, rows_deleted) VALUES (?, ?) "
							+ "ON CONFLICT (user_id) DO UPDATE SET rows_deleted = archive_erasures.rows_deleted + ?",
					userId, rows, rows);
			return (long) rows;
		});
		return (deleted != null) ? deleted : 0;
	}

}
