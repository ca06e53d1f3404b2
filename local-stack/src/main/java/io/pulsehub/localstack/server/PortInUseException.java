package io.pulsehub.localstack.server;

/**
 * Thrown when a port a server needs is already taken by another process.
 */
public class PortInUseException extends IllegalStateException {

	private final int port;

	PortInUseException(String owner, int port) {
		super("Port " + port + " for " + owner + " is already in use by another process; stop that process, or set "
				+ "the environment variable that points local-stack at an external server instead");
		this.port = port;
	}

	/**
	 * The port that was taken.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

}
