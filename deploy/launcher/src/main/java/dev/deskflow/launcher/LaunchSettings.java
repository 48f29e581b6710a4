package dev.deskflow.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the local platform keeps its data and which ports it uses. Every value has a
 * default and an environment variable that overrides it.
 *
 * @param root the project folder (the service jars are built under it)
 * @param home the folder that keeps the platform's data and logs across restarts
 * @param ports every port the platform binds, by the setting that changes it
 * @param serviceHeap the maximum heap of each service JVM, as a JVM size ({@code 320m})
 * @param aiHeap the maximum heap of ai-service, which trains Word2Vec models (ND4J's
 * off-heap limit follows it)
 */
record LaunchSettings(Path root, Path home, Map<Port, Integer> ports, String serviceHeap, String aiHeap) {

	/** A port the platform binds, with its default and the variable that changes it. */
	enum Port {

		POSTGRES("PostgreSQL", "DESKFLOW_POSTGRES_PORT", 15432),

		KAFKA("Kafka", "DESKFLOW_KAFKA_PORT", 19092),

		KAFKA_CONTROLLER("Kafka controller", "DESKFLOW_KAFKA_CONTROLLER_PORT", 19093),

		REDIS("Redis", "DESKFLOW_REDIS_PORT", 16379),

		GATEWAY("gateway", "DESKFLOW_GATEWAY_PORT", 8080),

		GATEWAY_MANAGEMENT("gateway management", "DESKFLOW_GATEWAY_MANAGEMENT_PORT", 8090),

		TICKET("ticket-service", "DESKFLOW_TICKET_PORT", 8081),

		AI("ai-service", "DESKFLOW_AI_PORT", 8082),

		REALTIME("realtime-service", "DESKFLOW_REALTIME_PORT", 8083);

		final String label;

		final String variable;

		final int defaultPort;

		Port(String label, String variable, int defaultPort) {
			this.label = label;
			this.variable = variable;
			this.defaultPort = defaultPort;
		}

	}

	/**
	 * Reads the settings.
	 * @param root the project folder
	 * @param environment the environment variables
	 * @return the settings
	 * @throws IllegalArgumentException when a variable holds no valid port
	 */
	static LaunchSettings from(Path root, Function<String, String> environment) {
		Map<Port, Integer> ports = new LinkedHashMap<>();
		for (Port port : Port.values()) {
			String value = environment.apply(port.variable);
			ports.put(port, (value == null || value.isBlank()) ? port.defaultPort : parsePort(port, value));
		}
		String home = environment.apply("DESKFLOW_HOME");
		String heap = environment.apply("DESKFLOW_SERVICE_HEAP");
		String aiHeap = environment.apply("DESKFLOW_AI_HEAP");
		return new LaunchSettings(root,
				(home == null || home.isBlank()) ? root.resolve(".deskflow") : Path.of(home).toAbsolutePath(), ports,
				(heap == null || heap.isBlank()) ? "320m" : heap,
				(aiHeap == null || aiHeap.isBlank()) ? "768m" : aiHeap);
	}

	private static int parsePort(Port port, String value) {
		try {
			int number = Integer.parseInt(value.trim());
			if (number > 0 && number < 65536) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				port.variable + "=" + value + " is not a port (1-65535) for " + port.label + ".");
	}

	int port(Port port) {
		return this.ports.get(port);
	}

	/**
	 * @param isFree tells whether a port can be bound
	 * @return one line per busy port, naming the setting that moves it
	 */
	List<String> busyPorts(java.util.function.IntPredicate isFree) {
		return this.ports.entrySet()
			.stream()
			.filter((entry) -> !isFree.test(entry.getValue()))
			.map((entry) -> "port " + entry.getValue() + " (" + entry.getKey().label
					+ ") is already in use: stop what uses it, or set " + entry.getKey().variable + " to another port")
			.toList();
	}

}
