package dev.deskflow.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.deskflow.launcher.LaunchSettings.Port;
import dev.deskflow.testsupport.LocalKafka;
import dev.deskflow.testsupport.LocalPostgres;
import dev.deskflow.testsupport.LocalRedis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local platform: PostgreSQL, Kafka and Redis with their data under the launch
 * home, and the four services as child JVMs. Stops everything it started, in reverse
 * order.
 */
final class Platform {

	private static final Logger log = LoggerFactory.getLogger(Platform.class);

	// generous: on two cores shared with other work a first start with demo seeding takes
	// minutes
	private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);

	private static final String POSTGRES = "postgres";

	private static final String KAFKA = "kafka";

	private static final String REDIS = "redis";

	/** How soon a service that ended is started again: doubling per quick crash. */
	static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);

	static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);

	/**
	 * A service up this long before it ended counts as healthy: its backoff starts over.
	 */
	static final Duration STABLE_UPTIME = Duration.ofMinutes(1);

	private final LaunchSettings settings;

	private final Map<String, Supplier<AutoCloseable>> starters = new LinkedHashMap<>();

	/** The running servers by name, in the order they started. */
	private final Map<String, AutoCloseable> servers = new LinkedHashMap<>();

	/** Per service: how many times in a row it ended soon after starting. */
	private final Map<String, Integer> quickCrashes = new HashMap<>();

	/** Per ended service: when (System.nanoTime) it is due to start again. */
	private final Map<String, Long> restartsDue = new HashMap<>();

	private final List<ServiceProcess> services = new ArrayList<>();

	private volatile boolean stopping;

	Platform(LaunchSettings settings) {
		this.settings = settings;
	}

	/** Starts PostgreSQL, Kafka and Redis side by side, each with its data folder. */
	void startServers() {
		Path data = this.settings.home().resolve("data");
		this.starters.put(POSTGRES, () -> {
			LocalPostgres server = LocalPostgres.start(this.settings.port(Port.POSTGRES), data.resolve("postgres"));
			server.createDatabaseIfMissing("deskflow_ticket");
			server.createDatabaseIfMissing("deskflow_ai");
			return server;
		});
		this.starters.put(KAFKA, () -> LocalKafka.start(this.settings.port(Port.KAFKA),
				this.settings.port(Port.KAFKA_CONTROLLER), data.resolve("kafka")));
		this.starters.put(REDIS, () -> LocalRedis.start(this.settings.port(Port.REDIS), data.resolve("redis")));
		// register each as soon as it runs, so a failure of another still stops it
		CompletableFuture
			.allOf(this.starters.entrySet()
				.stream()
				.map((starter) -> CompletableFuture.supplyAsync(starter.getValue())
					.thenAccept((server) -> registerServer(starter.getKey(), server)))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	private void registerServer(String name, AutoCloseable server) {
		synchronized (this.servers) {
			this.servers.put(name, server);
		}
	}

	/**
	 * Starts the Prometheus the settings ask for (none when its port is 0), scraping
	 * every service; stopped with the servers.
	 */
	void startPrometheus() {
		if (this.settings.prometheusPort() != 0) {
			registerServer("prometheus", LocalPrometheus.start(this.settings, this.settings.prometheusPort(),
					this.settings.scrapeInterval()));
		}
	}

	/**
	 * Stops Kafka or Redis while the services run: a fault injected by the system tests
	 * through {@link FaultControl}, never otherwise.
	 * @param name {@code kafka} or {@code redis}
	 * @throws IllegalArgumentException when that server is unknown or not running
	 */
	void stopServer(String name) {
		synchronized (this.servers) {
			AutoCloseable server = this.servers.remove(faultable(name));
			if (server == null) {
				throw new IllegalArgumentException(name + " is not running");
			}
			close(server);
		}
	}

	/**
	 * Starts again a server {@link #stopServer stopped} before, on its port and data.
	 * @param name {@code kafka} or {@code redis}
	 * @throws IllegalArgumentException when that server is unknown or running
	 */
	void startServer(String name) {
		synchronized (this.servers) {
			if (this.stopping || this.servers.containsKey(faultable(name))) {
				throw new IllegalArgumentException(name + " is running");
			}
			Supplier<AutoCloseable> starter = this.starters.get(name);
			if (starter == null) {
				throw new IllegalArgumentException(name + " was never started by this platform");
			}
			this.servers.put(name, starter.get());
		}
	}

	private static String faultable(String name) {
		if (!KAFKA.equals(name) && !REDIS.equals(name)) {
			throw new IllegalArgumentException("only kafka and redis can be stopped and started, not " + name);
		}
		return name;
	}

	/**
	 * Starts the four services; ticket-service seeds the demo tenant on its first start.
	 */
	void startServices() {
		Path root = this.settings.root();
		String kafka = "127.0.0.1:" + this.settings.port(Port.KAFKA);
		// every service validates tokens against ticket-service's keys (decision 004)
		Map<String, String> shared = Map.of("DESKFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka, "DESKFLOW_REDIS_HOST",
				"127.0.0.1", "DESKFLOW_REDIS_PORT", Integer.toString(this.settings.port(Port.REDIS)),
				"DESKFLOW_JWKS_URI", "http://127.0.0.1:" + this.settings.port(Port.TICKET) + "/.well-known/jwks.json");
		int postgres = this.settings.port(Port.POSTGRES);

		Map<String, String> ticket = new LinkedHashMap<>(shared);
		ticket.put("DESKFLOW_TICKET_PORT", port(Port.TICKET));
		ticket.putAll(database("TICKET", postgres, "deskflow_ticket"));
		ticket.put("DESKFLOW_TICKET_DEMO_ENABLED", "true");
		// behind the gateway: count failed log-ins per client, not per gateway
		ticket.put("DESKFLOW_TICKET_TRUST_FORWARDED_FOR", "true");
		ticket.put("DESKFLOW_TICKET_DEMO_DATA_DIRECTORY", root.resolve("deploy/demo-data").toString());
		start("ticket-service", ticket, readiness(Port.TICKET));

		Map<String, String> ai = new LinkedHashMap<>(shared);
		ai.put("DESKFLOW_AI_PORT", port(Port.AI));
		ai.putAll(database("AI", postgres, "deskflow_ai"));
		// trained models survive restarts with the rest of the data
		ai.put("DESKFLOW_AI_MODEL_DIRECTORY", this.settings.home().resolve("data").resolve("ai-models").toString());
		start("ai-service", ai, readiness(Port.AI));

		Map<String, String> realtime = new LinkedHashMap<>(shared);
		realtime.put("DESKFLOW_REALTIME_PORT", port(Port.REALTIME));
		// a restarted realtime-service resumes its consumer group: nothing published
		// while
		// it was down is missing from the replay stream
		realtime.put("DESKFLOW_REALTIME_INSTANCE_ID", "local");
		start("realtime-service", realtime, readiness(Port.REALTIME));

		Map<String, String> gateway = new LinkedHashMap<>(shared);
		gateway.put("DESKFLOW_GATEWAY_PORT", port(Port.GATEWAY));
		gateway.put("DESKFLOW_GATEWAY_MANAGEMENT_PORT", port(Port.GATEWAY_MANAGEMENT));
		gateway.put("DESKFLOW_TICKET_URI", "http://127.0.0.1:" + port(Port.TICKET));
		gateway.put("DESKFLOW_AI_URI", "http://127.0.0.1:" + port(Port.AI));
		gateway.put("DESKFLOW_REALTIME_URI", "http://127.0.0.1:" + port(Port.REALTIME));
		// the SPA, once the web module has built it (./mvnw package)
		gateway.put("DESKFLOW_WEB_DIR", root.resolve("web/dist").toString());
		start("gateway", gateway, readiness(Port.GATEWAY_MANAGEMENT));
	}

	private static Map<String, String> database(String service, int port, String database) {
		return Map.of("DESKFLOW_" + service + "_DB_URL", "r2dbc:postgresql://127.0.0.1:" + port + "/" + database,
				"DESKFLOW_" + service + "_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
				"DESKFLOW_" + service + "_DB_USER", LocalPostgres.USER);
	}

	private String port(Port port) {
		return Integer.toString(this.settings.port(port));
	}

	private URI readiness(Port port) {
		return URI.create("http://127.0.0.1:" + this.settings.port(port) + "/actuator/health/readiness");
	}

	private synchronized void start(String name, Map<String, String> environment, URI readiness) {
		if (this.stopping) {
			return;
		}
		Path jar = this.settings.root().resolve(jarPath(name));
		if (!Files.isRegularFile(jar)) {
			throw new LaunchException(
					name + " is not built (" + jar + " is missing): run ./deskflow up, which builds it");
		}
		this.services.add(ServiceProcess.start(name, jar, environment, this.settings.root(),
				this.settings.home().resolve("logs").resolve(name + ".log"),
				"ai-service".equals(name) ? this.settings.aiHeap() : this.settings.serviceHeap(), readiness));
	}

	static String jarPath(String service) {
		return service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar";
	}

	/**
	 * Waits until every service reports ready.
	 * @throws LaunchException when a service exits or is not ready in time
	 */
	void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		List<ServiceProcess> waiting = new ArrayList<>(this.services);
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (!waiting.isEmpty()) {
			for (ServiceProcess service : List.copyOf(waiting)) {
				if (!service.isAlive()) {
					throw new LaunchException(service.name() + " stopped while starting; the end of " + service.log()
							+ ":" + System.lineSeparator() + service.tail(40));
				}
				if (service.isReady(http)) {
					System.out.printf("  %-17s ready%n", service.name());
					waiting.remove(service);
				}
			}
			if (System.nanoTime() > deadline) {
				throw new LaunchException("not ready after " + READY_TIMEOUT.toSeconds() + " s: "
						+ waiting.stream().map((s) -> s.name() + " (log: " + s.log() + ")").toList());
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("interrupted while waiting for the services");
		}
	}

	/**
	 * @return resident memory of the launcher and every process under it, in bytes
	 */
	long residentMemory() {
		long total = rss(ProcessHandle.current().pid());
		for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
			total += rss(child.pid());
		}
		return total;
	}

	private static long rss(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// a process that just ended, or no /proc: counts as nothing
		}
		return 0;
	}

	/**
	 * Restarts a service whose process ended while the platform runs (a crash, an
	 * out-of-memory kill, {@code kill -9}), as Kubernetes would restart its pod: checked
	 * every second, each restart after a grace period that starts at
	 * {@link #FIRST_RESTART_DELAY} and doubles each time the service ends again within
	 * {@link #STABLE_UPTIME} of starting, up to {@link #MAX_RESTART_DELAY}, so a service
	 * that cannot start does not take the machine's cores in a restart loop.
	 */
	void supervise() {
		Thread supervisor = new Thread(() -> {
			while (!this.stopping) {
				restartEnded();
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "deskflow-supervisor");
		supervisor.setDaemon(true);
		supervisor.start();
	}

	/**
	 * @param quickCrashes how many times in a row the service ended soon after starting
	 * @return how long to wait before starting it again
	 */
	static Duration restartDelay(int quickCrashes) {
		int doublings = Math.min(quickCrashes, 10);
		Duration delay = FIRST_RESTART_DELAY.multipliedBy(1L << doublings);
		return (delay.compareTo(MAX_RESTART_DELAY) > 0) ? MAX_RESTART_DELAY : delay;
	}

	private synchronized void restartEnded() {
		for (int i = 0; i < this.services.size() && !this.stopping; i++) {
			ServiceProcess service = this.services.get(i);
			if (service.isAlive()) {
				continue;
			}
			Long due = this.restartsDue.get(service.name());
			if (due == null) {
				int crashes = (service.uptime().compareTo(STABLE_UPTIME) < 0)
						? this.quickCrashes.getOrDefault(service.name(), 0) + 1 : 0;
				this.quickCrashes.put(service.name(), crashes);
				Duration delay = restartDelay(crashes);
				System.out.printf("  %-17s ended (exit code %d); restarting it in %d s (log: %s)%n", service.name(),
						service.exitCode(), delay.toSeconds(), service.log());
				this.restartsDue.put(service.name(), System.nanoTime() + delay.toNanos());
			}
			else if (System.nanoTime() - due >= 0) {
				this.restartsDue.remove(service.name());
				this.services.set(i, service.restarted());
			}
		}
	}

	/** Stops the services, then the servers; safe to call more than once. */
	void stop() {
		List<ServiceProcess> running;
		synchronized (this) {
			if (this.stopping) {
				return;
			}
			this.stopping = true;
			running = List.copyOf(this.services);
		}
		CompletableFuture
			.allOf(running.stream()
				.map((service) -> CompletableFuture.runAsync(() -> service.stop(Duration.ofSeconds(20))))
				.toArray(CompletableFuture[]::new))
			.join();
		synchronized (this.servers) {
			List<AutoCloseable> started = new ArrayList<>(this.servers.values());
			Collections.reverse(started);
			started.forEach(Platform::close);
			this.servers.clear();
		}
	}

	private static void close(AutoCloseable server) {
		try {
			server.close();
		}
		catch (Exception ex) {
			log.debug("Stopping {} failed (it may have stopped on Ctrl-C already)", server, ex);
		}
	}

}
