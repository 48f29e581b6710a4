package dev.deskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real servers of one test JVM: each is started on first use on free ports, shared by
 * every test of the JVM, and stopped when the JVM exits. Tests isolate themselves with a
 * database per service, unique topics or consumer groups, unique tenant ids and Redis key
 * prefixes.
 */
public final class SharedServers {

	private static LocalPostgres postgres;

	private static LocalKafka kafka;

	private static LocalRedis redis;

	private SharedServers() {
	}

	/**
	 * @return the JVM's PostgreSQL, started on first use
	 */
	public static synchronized LocalPostgres postgres() {
		if (postgres == null) {
			postgres = stopAtExit(LocalPostgres.start(Ports.freePort(), null), null);
		}
		return postgres;
	}

	/**
	 * @return the JVM's Kafka broker, started on first use
	 */
	public static synchronized LocalKafka kafka() {
		if (kafka == null) {
			Path directory = temporaryDirectory("kafka");
			kafka = stopAtExit(LocalKafka.start(Ports.freePort(), Ports.freePort(), directory.resolve("data")),
					directory);
		}
		return kafka;
	}

	/**
	 * @return the JVM's Redis, started on first use
	 */
	public static synchronized LocalRedis redis() {
		if (redis == null) {
			redis = stopAtExit(LocalRedis.start(Ports.freePort(), null), null);
		}
		return redis;
	}

	private static <T extends AutoCloseable> T stopAtExit(T server, Path scratch) {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (Exception ex) {
				// the JVM is exiting; what is left is cleaned below or by the OS
			}
			if (scratch != null) {
				deleteRecursively(scratch);
			}
		}, "stop-" + server.getClass().getSimpleName()));
		return server;
	}

	private static Path temporaryDirectory(String name) {
		try {
			return Files.createTempDirectory("deskflow-" + name + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort on the way out
		}
	}

}
