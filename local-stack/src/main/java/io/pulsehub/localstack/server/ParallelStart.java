package io.pulsehub.localstack.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Starts several servers at once: Kafka and PostgreSQL each spend seconds waiting on
 * themselves, so starting them side by side roughly halves the wait.
 */
public final class ParallelStart {

	private ParallelStart() {
	}

	/**
	 * Starts the servers that are not running yet, as {@link #startAll(List, Consumer)}
	 * does, without telling anyone.
	 * @param servers the servers to start
	 */
	public static void startAll(List<? extends EmbeddedServer> servers) {
		startAll(servers, (server) -> {
			// Nobody waits on a single server here.
		});
	}

	/**
	 * Starts the servers that are not running yet; if one fails, the ones this call
	 * started are stopped again and the first failure is thrown.
	 * @param servers the servers to start
	 * @param whenReady called once per server this call started, as soon as it runs
	 */
	public static void startAll(List<? extends EmbeddedServer> servers, Consumer<EmbeddedServer> whenReady) {
		List<EmbeddedServer> stopped = servers.stream()
			.filter((server) -> !server.isRunning())
			.map(EmbeddedServer.class::cast)
			.toList();
		if (stopped.isEmpty()) {
			return;
		}
		List<Future<?>> starts = new ArrayList<>();
		// Own platform threads: the common pool has a single worker on two cores, which
		// would start the servers one after the other.
		try (ExecutorService executor = Executors.newFixedThreadPool(stopped.size())) {
			for (EmbeddedServer server : stopped) {
				starts.add(executor.submit(() -> {
					server.start();
					whenReady.accept(server);
				}));
			}
			RuntimeException failure = null;
			for (Future<?> start : starts) {
				failure = firstFailure(failure, start);
			}
			if (failure != null) {
				stopped.forEach(ParallelStart::stopQuietly);
				throw failure;
			}
		}
	}

	private static RuntimeException firstFailure(RuntimeException earlier, Future<?> start) {
		try {
			start.get();
			return earlier;
		}
		catch (ExecutionException ex) {
			if (earlier != null) {
				earlier.addSuppressed(ex.getCause());
				return earlier;
			}
			return (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new IllegalStateException("Interrupted while starting the servers", ex);
		}
	}

	private static void stopQuietly(EmbeddedServer server) {
		try {
			server.stop();
		}
		catch (RuntimeException ex) {
			// The start failure is what the caller needs to see; this one would hide it.
		}
	}

}
