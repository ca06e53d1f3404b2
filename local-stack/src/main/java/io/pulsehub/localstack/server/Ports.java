package io.pulsehub.localstack.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds free ports for test servers and checks fixed ports before a server claims them.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Returns a port that was free a moment ago; the kernel does not hand it out again
	 * soon, which is good enough for test servers started right after.
	 * @return a free port on the loopback interface
	 */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	/**
	 * Fails unless {@code port} is free on every local address.
	 * @param port the port to check
	 * @param owner the server that wants it, for the message
	 * @throws PortInUseException when another process listens on the port
	 */
	public static void requireFree(int port, String owner) {
		// The wildcard bind collides with a listener on any local address, IPv4 or IPv6,
		// so a server bound only to 127.0.0.1 or ::1 is found too.
		try (ServerSocket probe = new ServerSocket(port)) {
			// Bound and released at once: only whether the bind succeeds matters.
		}
		catch (IOException ex) {
			throw new PortInUseException(owner, port);
		}
	}

}
