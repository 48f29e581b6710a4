package dev.deskflow.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import dev.deskflow.launcher.LaunchSettings.Port;
import dev.deskflow.testsupport.Ports;

/**
 * {@code ./deskflow up}: starts the whole local platform with demo data and keeps it
 * running until Ctrl-C, which stops every process it started.
 */
public final class Launcher {

	private static final int EXIT_FAILED = 1;

	private static final int EXIT_USAGE = 64;

	private Launcher() {
	}

	public static void main(String[] args) {
		String verb = (args.length == 0) ? "up" : args[0];
		boolean prometheus = args.length == 2 && "--prometheus".equals(args[1]);
		if (!"up".equals(verb) || (args.length > 1 && !prometheus) || args.length > 2) {
			System.err.println("Usage: ./deskflow up [--prometheus]    (start the local platform, optionally with "
					+ "Prometheus scraping it; Ctrl-C stops it)");
			System.exit(EXIT_USAGE);
		}
		Path root = Path.of(System.getProperty("deskflow.root", ".")).toAbsolutePath().normalize();
		LaunchSettings settings;
		try {
			settings = LaunchSettings.from(root,
					(name) -> (prometheus && "DESKFLOW_PROMETHEUS".equals(name)) ? "true" : System.getenv(name));
		}
		catch (IllegalArgumentException ex) {
			System.err.println("deskflow: " + ex.getMessage());
			System.exit(EXIT_USAGE);
			return;
		}
		System.setProperty("deskflow.logs", settings.home().resolve("logs").toString());
		System.exit(up(settings));
	}

	static int up(LaunchSettings settings) {
		Path lockFile = settings.home().resolve("launcher.lock");
		Optional<SingleInstanceLock> lock;
		try {
			lock = SingleInstanceLock.tryAcquire(lockFile);
		}
		catch (Exception ex) {
			System.err.println("deskflow: cannot use " + settings.home() + ": " + ex.getMessage());
			return EXIT_FAILED;
		}
		if (lock.isEmpty()) {
			System.err.println("deskflow: the platform is already running from " + settings.home() + " (launcher pid "
					+ SingleInstanceLock.holder(lockFile) + "). Stop it with Ctrl-C in its terminal, "
					+ "or set DESKFLOW_HOME to run a second one with other ports.");
			return EXIT_FAILED;
		}
		List<String> busy = settings.busyPorts(Ports::isFree);
		if (!busy.isEmpty()) {
			busy.forEach((line) -> System.err.println("deskflow: " + line));
			close(lock.get());
			return EXIT_FAILED;
		}
		Platform platform = new Platform(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Thread stopper = new Thread(() -> {
			System.out.println(System.lineSeparator() + "Stopping Deskflow...");
			platform.stop();
			close(lock.get());
			System.out.println("Stopped. Data kept in " + settings.home().resolve("data"));
			stopped.countDown();
		}, "deskflow-stop");
		Runtime.getRuntime().addShutdownHook(stopper);
		long start = System.nanoTime();
		try {
			System.out
				.println("Starting PostgreSQL, Kafka and Redis (data in " + settings.home().resolve("data") + ")...");
			platform.startServers();
			System.out.println("Starting the services (logs in " + settings.home().resolve("logs") + ")...");
			platform.startServices();
			platform.awaitReady();
			platform.startPrometheus();
			platform.supervise();
			FaultControl.startIfEnabled(System.getenv(FaultControl.VARIABLE), platform);
		}
		catch (RuntimeException ex) {
			System.err.println("deskflow: the platform did not start: " + message(ex));
			return EXIT_FAILED; // the shutdown hook stops what did start
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		printWelcome(settings, seconds, platform.residentMemory());
		writeStatus(settings, seconds, platform.residentMemory());
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	private static String message(Throwable ex) {
		Throwable cause = ex;
		while ((cause.getCause() != null) && !(cause instanceof LaunchException)) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.toString();
	}

	private static void printWelcome(LaunchSettings settings, double seconds, long memory) {
		String tenant = env("DESKFLOW_TICKET_DEMO_TENANT", "demo");
		String password = env("DESKFLOW_TICKET_DEMO_PASSWORD", "deskflow-demo");
		String domain = "@" + tenant + ".deskflow.dev";
		System.out.printf("""

				Deskflow is up in %.1f s, using %d MiB of memory.

				  Web app and API (the gateway)              http://localhost:%d
				  ticket-service                             http://localhost:%d
				  ai-service                                 http://localhost:%d
				  realtime-service                           http://localhost:%d
				  Readiness, e.g.                            http://localhost:%d/actuator/health/readiness
				  Gateway metrics and health                 http://localhost:%d/actuator

				Demo tenant "%s", password "%s" for every login:
				  admin%s (ADMIN), agent1%s .. agent3%s (AGENT), customer01%s .. customer20%s (CUSTOMER)

				%sPress Ctrl-C to stop everything; the data stays in %s.
				""", seconds, memory / (1024 * 1024), settings.port(Port.GATEWAY), settings.port(Port.TICKET),
				settings.port(Port.AI), settings.port(Port.REALTIME), settings.port(Port.TICKET),
				settings.port(Port.GATEWAY_MANAGEMENT), tenant, password, domain, domain, domain, domain, domain,
				(settings.prometheusPort() != 0) ? "  Prometheus, scraping every service        http://localhost:"
						+ settings.prometheusPort() + System.lineSeparator() + System.lineSeparator() : "",
				settings.home().resolve("data"));
	}

	/**
	 * Leaves the start-up figures where scripts (and the docs' measurements) can read
	 * them.
	 */
	private static void writeStatus(LaunchSettings settings, double seconds, long memory) {
		try {
			Files.writeString(settings.home().resolve("status.properties"),
					"readySeconds=%.1f%nresidentMemoryMiB=%d%n".formatted(seconds, memory / (1024 * 1024)));
		}
		catch (Exception ex) {
			// only informative
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static void close(SingleInstanceLock lock) {
		try {
			lock.close();
		}
		catch (Exception ex) {
			// the lock dies with the process anyway
		}
	}

}
