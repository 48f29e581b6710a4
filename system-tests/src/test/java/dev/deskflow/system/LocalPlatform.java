package dev.deskflow.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.deskflow.testsupport.Ports;

import static org.awaitility.Awaitility.await;

/**
 * The whole local platform exactly as {@code ./deskflow up} starts it — the launcher jar
 * in its own JVM, PostgreSQL, Kafka and Redis in it, the four services as its child JVMs,
 * demo data seeded — on free ports, with a fresh home under {@code target/}. Started once
 * per test JVM; stopped (SIGTERM, as Ctrl-C) when the JVM ends.
 */
final class LocalPlatform {

	private static LocalPlatform running;

	final Map<String, Integer> ports;

	final Path home;

	private final Process launcher;

	private LocalPlatform(Map<String, Integer> ports, Path home, Process launcher) {
		this.ports = ports;
		this.home = home;
		this.launcher = launcher;
	}

	static LocalPlatform get() {
		return get(Map.of());
	}

	/**
	 * @param environment settings for every process of the platform (the launcher passes
	 * its environment on); only the first call of a JVM starts the platform
	 */
	static synchronized LocalPlatform get(Map<String, String> environment) {
		if (running == null) {
			running = start(environment);
			Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "platform-stop"));
		}
		return running;
	}

	/**
	 * The platform for a benchmark: rate limits raised so they never cut its load (a
	 * benchmark's many calls, and sockets' upgrades, come from one client address).
	 */
	static LocalPlatform withRateLimitsRaised() {
		return get(Map.of("DESKFLOW_RATE_LIMIT_STANDARD_TENANT_CAPACITY", "100000000",
				"DESKFLOW_RATE_LIMIT_STANDARD_USER_CAPACITY", "100000000", "DESKFLOW_RATE_LIMIT_ANONYMOUS_CAPACITY",
				"100000000"));
	}

	String gateway() {
		return "http://127.0.0.1:" + this.ports.get("GATEWAY");
	}

	String service(String name) {
		return "http://127.0.0.1:" + this.ports.get(name);
	}

	/**
	 * @param jar part of the service's jar name, e.g. {@code ticket-service}
	 * @return the service's JVM, a child of the launcher
	 */
	Optional<ProcessHandle> serviceProcess(String jar) {
		return this.launcher.descendants()
			.filter((process) -> process.info().commandLine().orElse("").contains(jar + "-0.1.0-SNAPSHOT-exec.jar"))
			.findFirst();
	}

	private static LocalPlatform start(Map<String, String> environment) {
		Path project = Path.of(System.getProperty("deskflow.root", "..")).toAbsolutePath().normalize();
		Path home = Path.of("target", "platform-home").toAbsolutePath();
		deleteRecursively(home);
		Path root = snapshot(project, Path.of("target", "platform-root").toAbsolutePath());
		Map<String, Integer> ports = new LinkedHashMap<>();
		// FAULT_CONTROL turns on the launcher's fault control
		// (DESKFLOW_FAULT_CONTROL_PORT)
		for (String port : List.of("POSTGRES", "KAFKA", "KAFKA_CONTROLLER", "REDIS", "GATEWAY", "GATEWAY_MANAGEMENT",
				"TICKET", "AI", "REALTIME", "FAULT_CONTROL")) {
			ports.put(port, Ports.freePort());
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-Ddeskflow.root=" + root, "-jar",
						root.resolve("deploy/launcher/target/launcher-0.1.0-SNAPSHOT-exec.jar").toString(), "up"));
		Path gcLog = home.resolve("launcher-gc.log");
		if (!gcLog.toString().contains(":")) {
			// the launcher's JVM holds the Kafka broker: its pauses are the broker's
			command.add(1, "-Xlog:gc:file=" + gcLog + ":utctime,uptime");
		}
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("launcher.out").toFile());
		try {
			Files.createDirectories(home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		builder.environment().putAll(environment);
		builder.environment().put("DESKFLOW_HOME", home.toString());
		ports.forEach((name, port) -> builder.environment().put("DESKFLOW_" + name + "_PORT", Integer.toString(port)));
		Process launcher;
		try {
			launcher = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LocalPlatform platform = new LocalPlatform(ports, home, launcher);
		Path status = home.resolve("status.properties");
		// longer than the launcher's own wait: on two cores shared with other builds a
		// first start with demo seeding can take minutes
		await("the platform to start (" + home.resolve("launcher.out") + ")").atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				if (!launcher.isAlive()) {
					throw new IllegalStateException(
							"the launcher ended: " + Files.readString(home.resolve("launcher.out")));
				}
				return Files.exists(status);
			});
		return platform;
	}

	/**
	 * Injects a fault through the launcher's fault control and waits until it is done.
	 * @param command {@code stop kafka}, {@code start kafka}, {@code stop redis} or
	 * {@code start redis}
	 */
	void fault(String command) {
		try (Socket control = new Socket(InetAddress.getLoopbackAddress(), this.ports.get("FAULT_CONTROL"))) {
			control.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
			control.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
			String answer = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8))
				.readLine();
			if (!"ok".equals(answer)) {
				throw new IllegalStateException(command + ": " + answer);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until every service and the gateway report ready, as after a restart.
	 */
	void awaitHealthy() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		for (String port : List.of("TICKET", "AI", "REALTIME", "GATEWAY_MANAGEMENT")) {
			HttpRequest readiness = HttpRequest.newBuilder(URI.create(service(port) + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build();
			await(port + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				try {
					return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
	}

	/**
	 * Copies the launcher's and the services' jars into a folder of their own, so that a
	 * module rebuilt while the platform runs does not replace a jar under a running JVM;
	 * the demo data and the built SPA are linked.
	 * @return the folder, laid out as the project is
	 */
	private static Path snapshot(Path project, Path snapshot) {
		deleteRecursively(snapshot);
		try {
			for (String module : List.of("deploy/launcher", "gateway", "ticket-service", "ai-service",
					"realtime-service")) {
				String jar = module.substring(module.lastIndexOf('/') + 1) + "-0.1.0-SNAPSHOT-exec.jar";
				Path copy = snapshot.resolve(module).resolve("target").resolve(jar);
				Files.createDirectories(copy.getParent());
				Files.copy(project.resolve(module).resolve("target").resolve(jar), copy);
			}
			Files.createSymbolicLink(snapshot.resolve("deploy/demo-data"), project.resolve("deploy/demo-data"));
			Files.createSymbolicLink(snapshot.resolve("web"), project.resolve("web"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy the built jars (run ./mvnw install first)", ex);
		}
		return snapshot;
	}

	/**
	 * @return resident memory of the launcher and each service, in MiB, by process
	 */
	Map<String, Long> residentMemoryMiB() {
		Map<String, Long> memory = new LinkedHashMap<>();
		memory.put("launcher", rssMiB(this.launcher.pid()));
		for (String service : List.of("gateway", "ticket-service", "ai-service", "realtime-service")) {
			serviceProcess(service).ifPresent((process) -> memory.put(service, rssMiB(process.pid())));
		}
		return memory;
	}

	private static long rssMiB(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		return 0;
	}

	void stop() {
		this.launcher.destroy();
		try {
			if (!this.launcher.waitFor(60, TimeUnit.SECONDS)) {
				this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
				this.launcher.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
