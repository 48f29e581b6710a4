package dev.deskflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.deskflow.launcher.LaunchSettings.Port;
import dev.deskflow.testsupport.Ports;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The local platform of {@code ./deskflow up}, started by a test on free ports with its
 * own data folder. Lives in the launcher's package because {@link Platform} and
 * {@link LaunchSettings} are package-private there.
 */
public final class LocalPlatform implements AutoCloseable {

	private static final List<String> SERVICES = List.of("ticket-service", "ai-service", "realtime-service", "gateway");

	private final Platform platform;

	private final LaunchSettings settings;

	private LocalPlatform(Platform platform, LaunchSettings settings) {
		this.platform = platform;
		this.settings = settings;
	}

	/**
	 * Starts PostgreSQL, Kafka, Redis and the four services from copies of their built
	 * jars (a rebuild of a module during the run must not replace a jar under its running
	 * JVM), and waits until every service is ready. The wait is longer than the
	 * launcher's own: on two cores shared with other builds a first start with demo
	 * seeding took over four minutes.
	 * @param root the project folder (the service jars are under its modules' target)
	 * @param home the folder for the platform's data and logs, emptied first
	 * @param ready how long the services may take to become ready
	 * @param prometheus whether to start Prometheus too
	 * ({@code ./deskflow up --prometheus}), scraping every two seconds
	 * @return the running platform
	 */
	public static LocalPlatform start(Path root, Path home, Duration ready, boolean prometheus) {
		delete(home);
		Map<String, String> environment = new HashMap<>();
		for (Port port : Port.values()) {
			environment.put(port.variable, Integer.toString(Ports.freePort()));
		}
		environment.put("DESKFLOW_HOME", home.toString());
		if (prometheus) {
			environment.put("DESKFLOW_PROMETHEUS", "true");
			environment.put("DESKFLOW_PROMETHEUS_PORT", Integer.toString(Ports.freePort()));
			environment.put("DESKFLOW_PROMETHEUS_SCRAPE_INTERVAL", "2s");
		}
		LaunchSettings settings = LaunchSettings.from(snapshot(root, home.resolve("root")), environment::get);
		Platform platform = new Platform(settings);
		LocalPlatform running = new LocalPlatform(platform, settings);
		try {
			platform.startServers();
			platform.startServices();
			running.awaitReady(ready);
			platform.startPrometheus();
			return running;
		}
		catch (RuntimeException ex) {
			platform.stop();
			throw ex;
		}
	}

	/**
	 * @return the gateway's public port
	 */
	public int gatewayPort() {
		return this.settings.port(Port.GATEWAY);
	}

	/**
	 * @return each service's Actuator port, by service name
	 */
	public Map<String, Integer> actuatorPorts() {
		return Map.of("gateway", this.settings.port(Port.GATEWAY_MANAGEMENT), "ticket-service",
				this.settings.port(Port.TICKET), "ai-service", this.settings.port(Port.AI), "realtime-service",
				this.settings.port(Port.REALTIME));
	}

	/**
	 * @return the port of the platform's Prometheus, 0 when it runs none
	 */
	public int prometheusPort() {
		return this.settings.prometheusPort();
	}

	/**
	 * @return the folder of the services' log files ({@code <service>.log})
	 */
	public Path logs() {
		return this.settings.home().resolve("logs");
	}

	/**
	 * A project folder holding copies of the service jars, and links to the demo data,
	 * the alert rules and the built web app the platform reads from the project.
	 */
	private static Path snapshot(Path root, Path into) {
		try {
			for (String service : SERVICES) {
				Path jar = root.resolve(Platform.jarPath(service));
				if (!Files.isRegularFile(jar)) {
					throw new LaunchException(jar + " is missing: build the services first (./mvnw package)");
				}
				Path copy = into.resolve(Platform.jarPath(service));
				Files.createDirectories(copy.getParent());
				Files.copy(jar, copy);
			}
			for (String shared : List.of("deploy/demo-data", "deploy/prometheus", "web")) {
				Path link = into.resolve(shared);
				Files.createDirectories(link.getParent());
				Files.createSymbolicLink(link, root.resolve(shared));
			}
			return into;
		}
		catch (IOException ex) {
			throw new LaunchException("Could not copy the service jars to " + into + ": " + ex.getMessage());
		}
	}

	private void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		List<String> waiting = new ArrayList<>(actuatorPorts().keySet());
		try {
			Awaitility.await("every service ready").atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(() -> {
				waiting.removeIf((service) -> isReady(http, actuatorPorts().get(service)));
				return waiting.isEmpty();
			});
		}
		catch (ConditionTimeoutException ex) {
			StringBuilder logs = new StringBuilder();
			for (String service : waiting) {
				logs.append(System.lineSeparator()).append(service).append(": ").append(tail(service));
			}
			throw new LaunchException("not ready after " + timeout.toSeconds() + " s: " + waiting + logs);
		}
	}

	private static boolean isReady(HttpClient http, int port) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String tail(String service) {
		Path log = logs().resolve(service + ".log");
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + log + ")";
		}
	}

	/** Stops everything and removes the jar copies; data and logs stay for a look. */
	@Override
	public void close() {
		this.platform.stop();
		delete(this.settings.root());
	}

	/** Deletes a folder; links are deleted, never followed. */
	private static void delete(Path folder) {
		if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
