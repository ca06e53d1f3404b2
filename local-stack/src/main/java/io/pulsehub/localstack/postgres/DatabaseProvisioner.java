package io.pulsehub.localstack.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * Creates the service databases and their login roles, leaving existing ones and their
 * data alone.
 */
final class DatabaseProvisioner {

	private DatabaseProvisioner() {
	}

	static void provision(DataSource superuser, List<ServiceDatabase> databases, String password) throws SQLException {
		try (Connection connection = superuser.getConnection(); Statement ddl = connection.createStatement()) {
			for (ServiceDatabase database : databases) {
				// ALTER on an existing role applies a changed POSTGRES_PASSWORD on the
				// next start.
				String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", database.user()) ? "ALTER"
						: "CREATE";
				ddl.execute(verb + " ROLE " + database.user() + " WITH LOGIN PASSWORD " + literal(password));
				if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database.name())) {
					ddl.execute("CREATE DATABASE " + database.name() + " OWNER " + database.user());
				}
			}
		}
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static String literal(String value) {
		// DDL takes no bind parameters; doubling quotes is the SQL-standard escape and
		// standard_conforming_strings (on by default) keeps backslashes literal.
		return "'" + value.replace("'", "''") + "'";
	}

}
