package dev.deskflow.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Fault injection for the system tests: with {@code DESKFLOW_FAULT_CONTROL_PORT} set, the
 * launcher listens on that port of 127.0.0.1 only for one-line commands — {@code stop
 * kafka}, {@code start kafka}, {@code stop redis}, {@code start redis} — carries each out
 * and answers {@code ok} (or {@code error: …}) when it is done. Off unless the variable
 * is set: {@code ./deskflow up} never sets it. The listener is a daemon thread that ends
 * with the launcher; a command during shutdown is refused (the platform is stopping).
 */
final class FaultControl {

	static final String VARIABLE = "DESKFLOW_FAULT_CONTROL_PORT";

	private final ServerSocket server;

	private final Platform platform;

	FaultControl(ServerSocket server, Platform platform) {
		this.server = server;
		this.platform = platform;
	}

	/**
	 * @param port the variable's value, or null when it is not set
	 * @param platform the platform whose servers the commands stop and start
	 * @throws IllegalArgumentException when the value is not a port
	 */
	static void startIfEnabled(String port, Platform platform) {
		if (port == null || port.isBlank()) {
			return;
		}
		try {
			ServerSocket server = new ServerSocket();
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port.trim())));
			FaultControl control = new FaultControl(server, platform);
			Thread listener = new Thread(control::serve, "deskflow-fault-control");
			listener.setDaemon(true);
			listener.start();
			System.out.println("Fault control listening on 127.0.0.1:" + server.getLocalPort()
					+ " (stop|start kafka|redis) — for tests only");
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(VARIABLE + "=" + port + " is not a port", ex);
		}
		catch (IOException ex) {
			throw new LaunchException("fault control cannot listen on port " + port + ": " + ex.getMessage());
		}
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket client = this.server.accept();
					BufferedReader in = new BufferedReader(
							new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
				String command = in.readLine();
				out.println(execute((command != null) ? command.trim() : ""));
			}
			catch (IOException ex) {
				// a client that went away, or the socket closed at shutdown
			}
		}
	}

	/**
	 * @param command e.g. {@code stop kafka}
	 * @return {@code ok}, or {@code error: } and why
	 */
	String execute(String command) {
		String[] words = command.split("\\s+");
		if (words.length != 2) {
			return "error: expected 'stop|start kafka|redis', got '" + command + "'";
		}
		try {
			switch (words[0]) {
				case "stop" -> this.platform.stopServer(words[1]);
				case "start" -> this.platform.startServer(words[1]);
				default -> {
					return "error: unknown verb '" + words[0] + "'";
				}
			}
			System.out.println("  fault control: " + command + " done");
			return "ok";
		}
		catch (RuntimeException ex) {
			return "error: " + ex.getMessage();
		}
	}

}
