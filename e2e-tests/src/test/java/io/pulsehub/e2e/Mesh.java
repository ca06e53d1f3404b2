package io.pulsehub.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.Service;

/**
 * The apps under test: config server first (everyone takes config from it), then the rest
 * in parallel; always stopped, also when a start fails or the JVM exits.
 */
public final class Mesh implements AutoCloseable {

	/**
	 * Admin user name the mesh runs with (not the dev default, to prove env vars apply).
	 */
	public static final String ADMIN_USER = "e2e-admin";

	/** Admin password the mesh runs with. */
	public static final String ADMIN_PASSWORD = "e2e-admin-password";

	static final String INTERNAL_SECRET = "e2e-internal-secret-0123456789";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private final Map<String, MeshApp> apps = new LinkedHashMap<>();

	private final List<MeshApp> extras = new ArrayList<>();

	private final Path logDir;

	private Map<String, String> environment = Map.of();

	private final Thread shutdownHook = new Thread(this::close, "mesh-shutdown");

	/**
	 * Starts the named apps, stopping whatever did start when one fails.
	 * @param names the apps, config-server among them
	 * @return the running mesh
	 */
	static Mesh started(List<String> names) {
		Mesh mesh = null;
		try {
			mesh = new Mesh(names);
			mesh.start();
			return mesh;
		}
		catch (Exception ex) {
			if (mesh != null) {
				mesh.close();
			}
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("The mesh did not start: " + ex.getMessage(), ex);
		}
	}

	private Mesh(List<String> names) throws IOException {
		this.logDir = Path.of("target", "e2e-logs").toAbsolutePath();
		Files.createDirectories(this.logDir);
		names.forEach((name) -> this.apps.put(name, new MeshApp(name, this.logDir)));
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * One app of the mesh.
	 * @param name the app, e.g. {@code gateway}
	 * @return the app
	 */
	public MeshApp app(String name) {
		return this.apps.get(name);
	}

	/**
	 * The apps the mesh started, in start order.
	 * @return their names
	 */
	public List<String> names() {
		return List.copyOf(this.apps.keySet());
	}

	private void start() throws Exception {
		Path root = root();
		String version = version();
		Map<String, String> environment = environment(root);
		this.environment = environment;
		MeshApp config = app("config-server");
		config.start(root, version, environment);
		config.awaitHealthy(START_TIMEOUT);
		for (MeshApp app : this.apps.values()) {
			if (app != config) {
				app.start(root, version, environmentOf(app.name(), environment, Map.of()));
			}
		}
		try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> waits = this.apps.values().stream().map((app) -> waiters.submit(() -> {
				app.awaitHealthy(START_TIMEOUT);
				return null;
			})).<Future<?>>map((future) -> future).toList();
			for (Future<?> wait : waits) {
				wait.get();
			}
		}
	}

	/**
	 * Kills one app with SIGKILL, as a crash would, then starts it again on its port.
	 * @param name the app
	 * @param whileDown runs between the kill and the restart
	 */
	void killAndRestart(String name, Runnable whileDown) throws Exception {
		killAndRestart(app(name), Map.of(), whileDown);
	}

	/**
	 * Kills an instance (one of the mesh's or an {@link #startExtra extra} one) with
	 * SIGKILL, then starts it again on its port with the mesh's environment plus
	 * {@code settings}.
	 * @param app the instance
	 * @param settings environment variables of the restarted instance, on top of the
	 * mesh's
	 * @param whileDown runs between the kill and the restart
	 */
	void killAndRestart(MeshApp app, Map<String, String> settings, Runnable whileDown) throws Exception {
		app.kill();
		whileDown.run();
		app.start(root(), version(), environmentOf(app.module(), this.environment, settings));
		app.awaitHealthy(START_TIMEOUT);
	}

	/**
	 * Starts one more instance of an app next to the mesh's (same jar, a free port of its
	 * own, registered with Eureka like the others) and waits until it is healthy. The
	 * mesh stops it on close; a test that starts one should {@link #stopExtra stop} it
	 * when done, so later tests find the mesh as it was.
	 * @param name the app, e.g. {@code sync-service}
	 * @param settings environment variables of this instance, on top of the mesh's
	 * @return the running instance
	 */
	MeshApp startExtra(String name, Map<String, String> settings) throws Exception {
		MeshApp extra;
		synchronized (this.extras) {
			extra = new MeshApp(name, name + "-extra-" + (this.extras.size() + 1), this.logDir);
			this.extras.add(extra);
		}
		extra.start(root(), version(), environmentOf(name, this.environment, settings));
		extra.awaitHealthy(START_TIMEOUT);
		return extra;
	}

	/**
	 * Stops an extra instance gracefully (it deregisters from Eureka and leaves its
	 * consumer groups).
	 * @param extra an instance {@link #startExtra} started
	 */
	void stopExtra(MeshApp extra) {
		extra.stop();
		synchronized (this.extras) {
			this.extras.remove(extra);
		}
	}

	private static Path root() {
		return Path.of(System.getProperty("pulsehub.root", ".."));
	}

	private static String version() {
		return System.getProperty("pulsehub.version");
	}

	/**
	 * Stops one app gracefully (if it runs) and starts it again on its port with extra
	 * environment variables on top of its usual ones; with none, in its normal
	 * environment.
	 * @param name the app
	 * @param extraEnvironment variables added to (or replacing) the app's usual ones
	 */
	void restart(String name, Map<String, String> extraEnvironment) throws Exception {
		MeshApp app = app(name);
		app.stop();
		app.start(root(), version(), environmentOf(name, this.environment, extraEnvironment));
		app.awaitHealthy(START_TIMEOUT);
	}

	private Map<String, String> environment(Path root) {
		Map<String, String> environment = new HashMap<>();
		environment.put("CONFIG_SERVER_URL", app("config-server").uri("").toString());
		environment.put("EUREKA_PORT", Integer.toString(app("eureka-server").port()));
		environment.put("PULSEHUB_CONFIG_REPO", root.resolve("config-repo").toUri().toString());
		environment.put("PULSEHUB_ADMIN_USERNAME", ADMIN_USER);
		environment.put("PULSEHUB_ADMIN_PASSWORD", ADMIN_PASSWORD);
		environment.put("PULSEHUB_INTERNAL_SECRET", INTERNAL_SECRET);
		// local-stack servers on free ports: the gateway's rate limit lives in Redis,
		// events go to Kafka and are archived in PostgreSQL, profiles are kept in MongoDB
		LocalStack.start(List.of(Service.REDIS, Service.KAFKA, Service.POSTGRES, Service.MONGO));
		environment.put("REDIS_URL", LocalStack.redis().url());
		environment.put("KAFKA_BOOTSTRAP_SERVERS", LocalStack.kafka().bootstrapServers());
		environment.put("MONGODB_URI", LocalStack.mongo().connectionString() + "/pulsehub");
		environment.put("POSTGRES_PASSWORD", LocalStack.postgres().password());
		return environment;
	}

	/**
	 * The shared environment plus what differs per app: each service's own database (as
	 * {@code pulsehub up} and docker-compose give it).
	 */
	private static Map<String, String> environmentOf(String app, Map<String, String> shared,
			Map<String, String> settings) {
		Map<String, String> environment = new HashMap<>(shared);
		if (app.equals("points-service")) {
			String points = LocalStack.postgres().jdbcUrl("pulsehub_points");
			environment.put("POSTGRES_URL", points);
			environment.put("POSTGRES_REPLICA_URL", points + "?options=-c%20default_transaction_read_only=on");
		}
		else {
			environment.put("POSTGRES_URL", LocalStack.postgres().jdbcUrl("pulsehub_ingestion"));
		}
		environment.putAll(settings);
		return environment;
	}

	@Override
	public void close() {
		List<MeshApp> all = new ArrayList<>(this.apps.values());
		synchronized (this.extras) {
			all.addAll(this.extras);
		}
		all.parallelStream().forEach(MeshApp::stop);
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// already shutting down: the hook is what called us
		}
	}

}
