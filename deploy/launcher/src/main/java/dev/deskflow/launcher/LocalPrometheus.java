package dev.deskflow.launcher;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus, started by {@code ./deskflow up --prometheus} (or
 * {@code DESKFLOW_PROMETHEUS=true}) from Debian's {@code prometheus} package
 * ({@code deploy/scripts/install-prometheus.sh}): it scrapes every service on the ports
 * this platform uses, with the project's alert rules, and keeps its data under the
 * platform's home. The configuration is written from the same jobs as
 * {@code deploy/prometheus/prometheus.yml}, which scrapes the default ports.
 */
final class LocalPrometheus implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private LocalPrometheus(Process process) {
		this.process = process;
	}

	/**
	 * Starts Prometheus and waits until it is ready.
	 * @param settings the platform's settings (ports, home, project folder)
	 * @param port the port of Prometheus's web interface and API
	 * @param scrapeInterval how often it scrapes, as Prometheus writes a duration
	 * ({@code 15s})
	 * @return the running server
	 * @throws LaunchException when Prometheus is not installed or does not start
	 */
	static LocalPrometheus start(LaunchSettings settings, int port, String scrapeInterval) {
		Path executable = executable().orElseThrow(() -> new LaunchException(
				"Prometheus is not installed: run 'sudo deploy/scripts/install-prometheus.sh' (Debian's prometheus "
						+ "package), or start without --prometheus"));
		Path folder = settings.home().resolve("prometheus");
		Path data = settings.home().resolve("data").resolve("prometheus");
		try {
			Files.createDirectories(folder);
			Files.createDirectories(data);
			Path configuration = folder.resolve("prometheus.yml");
			Files.writeString(configuration, configuration(settings, scrapeInterval));
			Path log = settings.home().resolve("logs").resolve("prometheus.log");
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(executable.toString(), "--config.file=" + configuration,
					"--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port,
					"--storage.tsdb.retention.time=7d")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			LocalPrometheus prometheus = new LocalPrometheus(process);
			prometheus.awaitReady(port, log);
			return prometheus;
		}
		catch (IOException ex) {
			throw new LaunchException("Prometheus did not start: " + ex.getMessage());
		}
	}

	/**
	 * @return the configuration: one job per service, on this platform's ports, and the
	 * project's alert rules
	 */
	static String configuration(LaunchSettings settings, String scrapeInterval) {
		StringBuilder yaml = new StringBuilder("""
				# written by ./deskflow up --prometheus for this platform's ports (deploy/prometheus/prometheus.yml
				# holds the same jobs on the default ports)
				global:
				  scrape_interval: %1$s
				  evaluation_interval: %1$s
				rule_files:
				  - "%2$s"
				scrape_configs:
				""".formatted(scrapeInterval,
				settings.root().resolve("deploy/prometheus/alerts.yml").toAbsolutePath()));
		Map<String, LaunchSettings.Port> jobs = new java.util.LinkedHashMap<>();
		// the gateway's Actuator listens on its own, internal port
		jobs.put("gateway", LaunchSettings.Port.GATEWAY_MANAGEMENT);
		jobs.put("ticket-service", LaunchSettings.Port.TICKET);
		jobs.put("ai-service", LaunchSettings.Port.AI);
		jobs.put("realtime-service", LaunchSettings.Port.REALTIME);
		jobs.forEach((job, port) -> yaml.append("""
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ["127.0.0.1:%d"]
				""".formatted(job, settings.port(port))));
		return yaml.toString();
	}

	private void awaitReady(int port, Path log) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new LaunchException(
						"Prometheus stopped while starting (exit code " + this.process.exitValue() + "); see " + log);
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
		throw new LaunchException("Prometheus was not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log);
	}

	private static Optional<Path> executable() {
		String path = System.getenv("PATH");
		for (String folder : (path != null) ? path.split(File.pathSeparator) : new String[0]) {
			Path candidate = Path.of(folder, "prometheus");
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return List.of(Path.of("/usr/bin/prometheus")).stream().filter(Files::isExecutable).findFirst();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	@Override
	public String toString() {
		return "Prometheus";
	}

}
