package io.pulsehub.localstack;

import java.util.List;

import io.pulsehub.localstack.server.PortInUseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts PulseHub's infrastructure — Kafka, Redis, PostgreSQL and a MongoDB wire-protocol
 * server — in one process, each unless its environment variable points at an external
 * server, and stops them cleanly on SIGTERM or Ctrl-C.
 */
public final class LocalStackApplication {

	private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

	private static final int EXIT_USAGE = 64;

	private static final int EXIT_PORT_IN_USE = 2;

	private static final int EXIT_FAILED = 1;

	private LocalStackApplication() {
	}

	/**
	 * Starts the stack and waits until the JVM is told to stop.
	 * @param args {@code --clean} to wipe the data directory first
	 * @throws InterruptedException if the main thread is interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		// Set before the first logger exists; a plain logback.xml in this jar would take
		// over the logging of every test that has local-stack on its classpath.
		if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
			System.setProperty(LOGBACK_CONFIGURATION, "local-stack-logback.xml");
		}
		Logger logger = LoggerFactory.getLogger(LocalStackApplication.class);
		StackSettings settings = settings(args, logger);
		DataDirectory dataDirectory = new DataDirectory(settings.dataDir());
		if (settings.clean()) {
			logger.info("Wiping {}", dataDirectory);
			dataDirectory.clean();
		}
		// Only the variable's name: a URL may carry a password.
		settings.external()
			.keySet()
			.forEach((name) -> logger.info("{} is set: using that server, not starting one", name));
		EmbeddedStack stack = EmbeddedStack.create(settings, dataDirectory, StackPorts.FIXED);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
		try {
			stack.start();
		}
		catch (PortInUseException ex) {
			logger.error(ex.getMessage());
			System.exit(EXIT_PORT_IN_USE);
		}
		catch (RuntimeException ex) {
			logger.error("local-stack could not start: {}", ex.getMessage(), ex);
			System.exit(EXIT_FAILED);
		}
		logger.info("local-stack ready");
		// The servers run on their own threads and processes; main only has to stay alive
		// until the shutdown hook has stopped them.
		Thread.currentThread().join();
	}

	private static StackSettings settings(String[] args, Logger logger) {
		try {
			return StackSettings.from(System.getenv(), List.of(args));
		}
		catch (IllegalArgumentException ex) {
			logger.error(ex.getMessage());
			System.exit(EXIT_USAGE);
			throw ex;
		}
	}

}
