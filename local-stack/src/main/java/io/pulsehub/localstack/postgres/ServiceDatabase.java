package io.pulsehub.localstack.postgres;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A database one service owns, with the login role the service connects as.
 *
 * @param name the database name
 * @param user the role that owns the database
 */
public record ServiceDatabase(String name, String user) {

	// Declared before the constants, whose construction uses it.
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	/** The ingestion service's cold-path archive. */
	public static final ServiceDatabase INGESTION = new ServiceDatabase("pulsehub_ingestion", "ingestion");

	/** The points service's event-sourced ledger. */
	public static final ServiceDatabase POINTS = new ServiceDatabase("pulsehub_points", "points");

	public ServiceDatabase {
		// Both end up in DDL, where identifiers cannot be bind parameters.
		requireIdentifier(name);
		requireIdentifier(user);
	}

	/**
	 * Every service database local-stack provisions.
	 * @return the databases
	 */
	public static List<ServiceDatabase> all() {
		return List.of(INGESTION, POINTS);
	}

	/**
	 * The service database with the given name.
	 * @param name a database name
	 * @return the service database, or empty if no service owns that name
	 */
	public static Optional<ServiceDatabase> named(String name) {
		return all().stream().filter((database) -> database.name().equals(name)).findFirst();
	}

	private static void requireIdentifier(String identifier) {
		if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
			throw new IllegalArgumentException("Not a plain SQL identifier: " + identifier);
		}
	}

}
