package io.pulsehub.localstack.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.pulsehub.localstack.server.EmbeddedServer;
import io.pulsehub.localstack.server.Ports;
import redis.embedded.RedisServer;

/**
 * A Redis server bound to 127.0.0.1 that persists to an append-only file in its data
 * directory.
 */
public final class LocalRedis implements EmbeddedServer {

	private final int port;

	private final Path dataDir;

	private RedisServer server;

	/**
	 * Describes a server; nothing starts until {@link #start()}.
	 * @param port the port to listen on
	 * @param dataDir where Redis keeps its append-only file and snapshots
	 */
	public LocalRedis(int port, Path dataDir) {
		this.port = port;
		this.dataDir = dataDir.toAbsolutePath().normalize();
	}

	/**
	 * The Redis URL, as {@code spring.data.redis.url} and Lettuce take it.
	 * @return {@code redis://localhost:<port>}
	 */
	public String url() {
		return "redis://localhost:" + this.port;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Where the running server writes its process id; Redis removes it when it exits.
	 * @return {@code redis.pid} in the data directory
	 */
	public Path pidFile() {
		return this.dataDir.resolve("redis.pid");
	}

	@Override
	public String name() {
		return "Redis";
	}

	@Override
	public String address() {
		return url();
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
		Ports.requireFree(this.port, "Redis");
		createDataDir();
		RedisServer redis = RedisServer.builder()
			.port(this.port)
			.bind("127.0.0.1")
			// Redis runs in the directory of its extracted binary, so the data directory
			// must be absolute; quoted because a path may contain spaces.
			.setting("dir \"" + this.dataDir + "\"")
			// The launcher stops a Redis that outlived a killed local-stack by this file.
			.setting("pidfile \"" + pidFile() + "\"")
			.setting("appendonly yes")
			.setting("appendfsync everysec")
			.build();
		redis.start();
		this.server = redis;
	}

	@Override
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		// The library stops the process with SIGTERM, on which Redis fsyncs the
		// append-only
		// file and writes its snapshot before it exits.
		this.server.stop();
		this.server = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	@Override
	public String toString() {
		return "Redis at " + url();
	}

	private void createDataDir() {
		try {
			Files.createDirectories(this.dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the Redis data directory " + this.dataDir, ex);
		}
	}

}
