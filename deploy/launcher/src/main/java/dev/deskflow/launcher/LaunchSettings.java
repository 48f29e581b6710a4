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
 * @param prometheusPort the port of the Prometheus the platform starts, 0 for none
 * ({@code DESKFLOW_PROMETHEUS=true} or {@code ./deskflow up --prometheus} starts one;
 * {@code DESKFLOW_PROMETHEUS_PORT}, default 9090)
 * @param scrapeInterval how often that Prometheus scrapes the services
 * ({@code DESKFLOW_PROMETHEUS_SCRAPE_INTERVAL}, default {@code 15s})
 */
record LaunchSettings(Path root, Path home, Map<Port, Integer> ports, String serviceHeap, String aiHeap,
		int prometheusPort, String scrapeInterval) {

	private static final int DEFAULT_PROMETHEUS_PORT = 9090;

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
			ports.put(port, (value == null || value.isBlank()) ? port.defaultPort
					: parsePort(port.variable, port.label, value));
		}
		String home = environment.apply("DESKFLOW_HOME");
		String heap = environment.apply("DESKFLOW_SERVICE_HEAP");
		String aiHeap = environment.apply("DESKFLOW_AI_HEAP");
		int prometheusPort = 0;
		if (Boolean.parseBoolean(environment.apply("DESKFLOW_PROMETHEUS"))) {
			String value = environment.apply("DESKFLOW_PROMETHEUS_PORT");
			prometheusPort = (value == null || value.isBlank()) ? DEFAULT_PROMETHEUS_PORT
					: parsePort("DESKFLOW_PROMETHEUS_PORT", "Prometheus", value);
		}
		String interval = environment.apply("DESKFLOW_PROMETHEUS_SCRAPE_INTERVAL");
		if (interval != null && !interval.isBlank() && !interval.trim().matches("[0-9]+(ms|s|m)")) {
			throw new IllegalArgumentException("DESKFLOW_PROMETHEUS_SCRAPE_INTERVAL=" + interval
					+ " is not a duration Prometheus reads (e.g. 15s, 500ms, 1m).");
		}
		return new LaunchSettings(root,
				(home == null || home.isBlank()) ? root.resolve(".deskflow") : Path.of(home).toAbsolutePath(), ports,
				(heap == null || heap.isBlank()) ? "320m" : heap,
				(aiHeap == null || aiHeap.isBlank()) ? "768m" : aiHeap, prometheusPort,
				(interval == null || interval.isBlank()) ? "15s" : interval.trim());
	}

	private static int parsePort(String variable, String label, String value) {
		try {
			int number = Integer.parseInt(value.trim());
			if (number > 0 && number < 65536) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(variable + "=" + value + " is not a port (1-65535) for " + label + ".");
	}

	int port(Port port) {
		return this.ports.get(port);
	}

	/**
	 * @param isFree tells whether a port can be bound
	 * @return one line per busy port, naming the setting that moves it
	 */
	List<String> busyPorts(java.util.function.IntPredicate isFree) {
		List<String> busy = new java.util.ArrayList<>(this.ports.entrySet()
			.stream()
			.filter((entry) -> !isFree.test(entry.getValue()))
			.map((entry) -> busy(entry.getValue(), entry.getKey().label, entry.getKey().variable))
			.toList());
		if (this.prometheusPort != 0 && !isFree.test(this.prometheusPort)) {
			busy.add(busy(this.prometheusPort, "Prometheus", "DESKFLOW_PROMETHEUS_PORT"));
		}
		return busy;
	}

	private static String busy(int port, String label, String variable) {
		return "port " + port + " (" + label + ") is already in use: stop what uses it, or set " + variable
				+ " to another port";
	}

}
