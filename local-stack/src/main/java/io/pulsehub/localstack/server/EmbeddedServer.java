package io.pulsehub.localstack.server;

import java.util.List;

/**
 * A real server run by local-stack that can be stopped and started again on the same
 * ports and data, so fault tests can take it away and bring it back.
 */
public interface EmbeddedServer extends AutoCloseable {

	/**
	 * The server's display name for log lines, such as {@code Kafka}.
	 * @return the name
	 */
	String name();

	/**
	 * Where clients connect, in the form a client of this server expects.
	 * @return the address
	 */
	String address();

	/**
	 * Every TCP port the server listens on; they stay the same across restarts.
	 * @return the ports
	 */
	List<Integer> ports();

	/**
	 * Starts the server and returns once it accepts clients; does nothing if it runs.
	 */
	void start();

	/**
	 * Stops the server cleanly so a later start finds consistent data; does nothing if it
	 * is stopped.
	 */
	void stop();

	/**
	 * Whether the server is running.
	 * @return {@code true} between a successful start and the next stop
	 */
	boolean isRunning();

	@Override
	default void close() {
		stop();
	}

}
