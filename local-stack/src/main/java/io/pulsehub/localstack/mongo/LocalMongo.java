package io.pulsehub.localstack.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import io.pulsehub.localstack.server.EmbeddedServer;
import io.pulsehub.localstack.server.Ports;

/**
 * A server that speaks the MongoDB wire protocol to the real driver and keeps its
 * documents in one H2 file.
 */
public final class LocalMongo implements EmbeddedServer {

	private final int port;

	private final Path file;

	private MongoServer server;

	/**
	 * Describes a server; nothing starts until {@link #start()}.
	 * @param port the port to listen on
	 * @param file the H2 file that holds every database
	 */
	public LocalMongo(int port, Path file) {
		this.port = port;
		this.file = file.toAbsolutePath().normalize();
	}

	/**
	 * The connection string, as {@code spring.mongodb.uri} and the driver take it.
	 * @return {@code mongodb://localhost:<port>}
	 */
	public String connectionString() {
		return "mongodb://localhost:" + this.port;
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
		return "MongoDB (mongo-java-server)";
	}

	@Override
	public String address() {
		return connectionString();
	}

	@Override
	public List<Integer> ports() {
		return List.of(this.port);
	}

	@Override
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		Ports.requireFree(this.port, "MongoDB");
		try {
			Files.createDirectories(this.file.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the MongoDB data directory " + this.file.getParent(), ex);
		}
		MongoServer mongo = new MongoServer(new HelloAwareH2Backend(this.file.toString()));
		try {
			mongo.bind("127.0.0.1", this.port);
		}
		catch (RuntimeException ex) {
			// Close the H2 file again, or the next attempt finds it locked.
			mongo.shutdownNow();
			throw ex;
		}
		this.server = mongo;
	}

	@Override
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		// shutdownNow closes client connections first; shutdown then closes the H2 store,
		// which commits what is still buffered.
		this.server.shutdownNow();
		this.server = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	@Override
	public String toString() {
		return "MongoDB at " + connectionString();
	}

}
