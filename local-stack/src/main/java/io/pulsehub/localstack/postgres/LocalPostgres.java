package io.pulsehub.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import io.pulsehub.localstack.server.EmbeddedServer;
import io.pulsehub.localstack.server.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server whose data directory survives restarts, provisioned with every
 * {@link ServiceDatabase}.
 */
public final class LocalPostgres implements EmbeddedServer {

	/** The superuser that initdb creates and that owns the {@code postgres} database. */
	public static final String SUPERUSER = "postgres";

	// Two cores shared with builds: a first start runs initdb and can take a while.
	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private final int port;

	private final Path dataDir;

	private final String password;

	private EmbeddedPostgres postgres;

	/**
	 * Describes a server; nothing starts until {@link #start()}.
	 * @param port the port to listen on
	 * @param dataDir the PostgreSQL data directory; initialised on first use, never wiped
	 * @param password the password of every service role
	 */
	public LocalPostgres(int port, Path dataDir, String password) {
		this.port = port;
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.password = password;
	}

	/**
	 * Where the running server keeps its process id (first line): pg_ctl detaches the
	 * server from this JVM, so a killed local-stack leaves it running and the launcher
	 * stops it by this file. PostgreSQL removes it on a clean shutdown.
	 * @return {@code postmaster.pid} in the data directory
	 */
	public Path pidFile() {
		return this.dataDir.resolve("postmaster.pid");
	}

	/**
	 * The JDBC URL of one database.
	 * @param database the database name, such as {@code pulsehub_ingestion}
	 * @return {@code jdbc:postgresql://localhost:<port>/<database>}
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

	/**
	 * The role to connect to a database as: its service's role, or the superuser for any
	 * other database.
	 * @param database the database name
	 * @return the role name
	 */
	public String userFor(String database) {
		return ServiceDatabase.named(database).map(ServiceDatabase::user).orElse(SUPERUSER);
	}

	/**
	 * The password of the service roles.
	 * @return the password
	 */
	public String password() {
		return this.password;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	@Override
	public String name() {
		return "PostgreSQL";
	}

	@Override
	public String address() {
		return jdbcUrl("") + " (databases " + ServiceDatabase.all().stream().map(ServiceDatabase::name).toList() + ")";
	}

	@Override
	public List<Integer> ports() {
		return List.of(this.port);
	}

	@Override
	public synchronized void start() {
		if (this.postgres != null) {
			return;
		}
		Ports.requireFree(this.port, "PostgreSQL");
		EmbeddedPostgres started = startServer();
		try {
			DatabaseProvisioner.provision(started.getPostgresDatabase(), ServiceDatabase.all(), this.password);
		}
		catch (SQLException ex) {
			close(started);
			throw new IllegalStateException("Could not create the service databases: " + ex.getMessage(), ex);
		}
		this.postgres = started;
	}

	@Override
	public synchronized void stop() {
		if (this.postgres == null) {
			return;
		}
		close(this.postgres);
		this.postgres = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.postgres != null;
	}

	@Override
	public String toString() {
		return "PostgreSQL at " + jdbcUrl("");
	}

	private EmbeddedPostgres startServer() {
		try {
			// zonky unpacks the binaries below java.io.tmpdir and fails obscurely if it
			// is
			// missing, which happens in minimal containers and with a custom tmpdir.
			Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
			Files.createDirectories(this.dataDir.getParent());
			return EmbeddedPostgres.builder()
				.setPort(this.port)
				.setDataDirectory(this.dataDir)
				.setCleanDataDirectory(false)
				// Stopping is ours: our shutdown hook stops the servers in order, and a
				// second hook of zonky's would race it.
				.setRegisterShutdownHook(false)
				.setPGStartupWait(STARTUP_WAIT)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL in " + this.dataDir, ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			// pg_ctl stop -m fast: sessions are ended and a shutdown checkpoint is
			// written.
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop PostgreSQL", ex);
		}
	}

}
