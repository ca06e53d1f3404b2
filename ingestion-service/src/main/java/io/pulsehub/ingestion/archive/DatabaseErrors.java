package io.pulsehub.ingestion.archive;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a row PostgreSQL refuses from a database that is not there.
 * <p>
 * Only SQLSTATE classes 22 (data exception, e.g. a NUL character in text) and 23
 * (integrity constraint violation) are blamed on the data: such a batch is split to find
 * the row. Everything else (connection refused or lost, admin shutdown, too many
 * connections, serialization failures, a missing table, unknown errors) is treated as the
 * database being unavailable and retried without limit, so no event is ever dead-lettered
 * for an infrastructure problem.
 */
final class DatabaseErrors {

	private DatabaseErrors() {
	}

	/**
	 * Whether the failure is the data's fault rather than the database's.
	 * @param failure what writing threw
	 * @return {@code true} for SQLSTATE classes 22 and 23
	 */
	static boolean isRowRejection(Throwable failure) {
		return sqlState(failure).map((state) -> state.startsWith("22") || state.startsWith("23")).orElse(false);
	}

	/**
	 * Whether the failure is PostgreSQL being out of reach (not running, starting up,
	 * refusing connections, or no pooled connection in time) rather than a statement's
	 * fault.
	 * @param failure what connecting or writing threw
	 * @return {@code true} for SQLSTATE class 08 and 57P03, and for connection timeouts
	 */
	static boolean isConnectionFailure(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (current instanceof SQLTransientConnectionException || current instanceof ConnectException) {
				return true;
			}
			if (current instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P03"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A description of the failure that is safe to log and to put in a dead-letter
	 * header: the SQLSTATE and the first line of the server's message, without
	 * PostgreSQL's {@code Detail:} line, which repeats the failing row's values.
	 * @param failure what writing threw
	 * @return the description
	 */
	static String describe(Throwable failure) {
		Optional<SQLException> sql = find(failure);
		if (sql.isEmpty()) {
			return failure.getClass().getSimpleName();
		}
		String message = String.valueOf(sql.get().getMessage());
		int newline = message.indexOf('\n');
		String firstLine = (newline >= 0) ? message.substring(0, newline) : message;
		return "SQLSTATE " + sql.get().getSQLState() + ": " + firstLine.strip();
	}

	static Optional<String> sqlState(Throwable failure) {
		return find(failure).map(SQLException::getSQLState);
	}

	private static Optional<SQLException> find(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (current instanceof SQLException sql && sql.getSQLState() != null) {
				return Optional.of(sql);
			}
		}
		return Optional.empty();
	}

}
