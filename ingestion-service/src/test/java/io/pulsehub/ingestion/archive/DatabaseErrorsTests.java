package io.pulsehub.ingestion.archive;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which database failures are blamed on a row and which on the database.
 */
class DatabaseErrorsTests {

	@Test
	void blamesDataExceptionsAndConstraintViolationsOnTheRow() {
		assertThat(DatabaseErrors.isRowRejection(translated(new SQLException("ERROR: invalid byte sequence", "22021"))))
			.isTrue();
		assertThat(DatabaseErrors.isRowRejection(translated(new SQLException("ERROR: violates check", "23514"))))
			.isTrue();
		assertThat(DatabaseErrors.isRowRejection(
				new DataIntegrityViolationException("not null", new SQLException("ERROR: null value", "23502"))))
			.isTrue();
	}

	@Test
	void treatsConnectionFailuresAsTheDatabaseBeingUnavailable() {
		assertThat(DatabaseErrors.isRowRejection(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("pool timeout", null, new ConnectException("refused")))))
			.isFalse();
		assertThat(DatabaseErrors.isRowRejection(translated(new SQLException("Connection refused", "08001"))))
			.isFalse();
		assertThat(DatabaseErrors.isRowRejection(translated(new SQLException("terminating connection", "57P01"))))
			.isFalse();
		assertThat(DatabaseErrors.isRowRejection(
				new TransactionSystemException("commit failed", new SQLException("An I/O error occurred", "08006"))))
			.isFalse();
		assertThat(DatabaseErrors.isRowRejection(new QueryTimeoutException("slow"))).isFalse();
	}

	@Test
	void tellsPostgresBeingOutOfReachFromAStatementFailing() {
		assertThat(DatabaseErrors.isConnectionFailure(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("pool timeout", null, new ConnectException("refused")))))
			.isTrue();
		assertThat(DatabaseErrors.isConnectionFailure(translated(new SQLException("Connection refused", "08001"))))
			.isTrue();
		assertThat(DatabaseErrors.isConnectionFailure(translated(new SQLException("starting up", "57P03")))).isTrue();
		assertThat(DatabaseErrors.isConnectionFailure(translated(new SQLException("syntax error", "42601")))).isFalse();
		assertThat(DatabaseErrors.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void treatsUnknownFailuresAsUnavailableSoNothingIsDeadLetteredForThem() {
		assertThat(DatabaseErrors.isRowRejection(translated(new SQLException("relation does not exist", "42P01"))))
			.isFalse();
		assertThat(DatabaseErrors.isRowRejection(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void describesAFailureWithoutTheRowValuesOfPostgresDetailLine() {
		SQLException rejected = new SQLException("ERROR: new row for relation \"activity_events_p20250101\" violates "
				+ "check constraint \"activity_events_user_id_check\"\n  Detail: Failing row contains (e1, , 203.0.113.0).",
				"23514");
		String description = DatabaseErrors.describe(translated(rejected));
		assertThat(description).startsWith("SQLSTATE 23514: ERROR: new row for relation")
			.endsWith("\"activity_events_user_id_check\"")
			.doesNotContain("Failing row")
			.doesNotContain("203.0.113.0");
	}

	@Test
	void describesAFailureWithoutSqlStateByItsType() {
		assertThat(DatabaseErrors.describe(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
	}

	private static UncategorizedSQLException translated(SQLException ex) {
		return new UncategorizedSQLException("insert", "INSERT ...", ex);
	}

}
