package dev.deskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback port helpers shared by the embedded servers and the local launcher.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Asks the kernel for a currently free loopback port.
	 * @return a port that was free a moment ago
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

	/**
	 * Tells whether a port can be bound on every interface, as the servers will bind it.
	 * @param port the port to probe
	 * @return {@code true} when nothing listens on it
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
