package io.pulsehub.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged app of the mesh, run as its own JVM process on a free port, logging to
 * {@code target/e2e-logs/<app>.log}.
 */
public final class MeshApp {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String name;

	private final String module;

	private final int port;

	private final Path log;

	private Process process;

	MeshApp(String name, Path logDir) {
		this(name, name, logDir);
	}

	/**
	 * An instance of an app under a name of its own (its log and private jar copy).
	 * @param module the app's module (whose jar runs)
	 * @param name the instance's name
	 * @param logDir where it logs
	 */
	MeshApp(String module, String name, Path logDir) {
		this.module = module;
		this.name = name;
		this.port = freePort();
		this.log = logDir.resolve(name + ".log");
	}

	String name() {
		return this.name;
	}

	String module() {
		return this.module;
	}

	/**
	 * The port the app listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The address of a path on this app.
	 * @param path the path, starting with {@code /}
	 * @return the absolute URI
	 */
	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	void start(Path root, String version, Map<String, String> environment) throws IOException {
		Path built = root.resolve(this.module).resolve("target").resolve(this.module + "-" + version + ".jar");
		if (!Files.isRegularFile(built)) {
			throw new IllegalStateException(built + " is missing: package the apps first (./mvnw verify does)");
		}
		// Run a private copy: a build repackaging target/*.jar meanwhile would break a
		// running app.
		Path jar = this.log.resolveSibling(this.name + ".jar");
		Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
				"-jar", jar.toString(), "--server.port=" + this.port));
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput((this.process == null) ? ProcessBuilder.Redirect.to(this.log.toFile())
					: ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(environment);
		this.process = builder.start();
	}

	/**
	 * Waits until {@code /actuator/health} answers UP.
	 * @param timeout how long to wait
	 */
	void awaitHealthy(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			if (isHealthy()) {
				return;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " not healthy within " + timeout + ":\n" + logTail());
	}

	private boolean isHealthy() throws InterruptedException {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Kills the process the way a crash would: SIGKILL, no shutdown hooks, no commits.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	String logText() throws IOException {
		return Files.readString(this.log);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

}
