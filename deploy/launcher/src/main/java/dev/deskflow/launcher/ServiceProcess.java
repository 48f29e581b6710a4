package dev.deskflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One Deskflow service running as a child JVM of the launcher, with its output in a log
 * file and its readiness read from Actuator.
 */
final class ServiceProcess {

	private final String name;

	private final Process process;

	private final URI readiness;

	private final Path log;

	private final Supplier<ServiceProcess> again;

	private final long startedAt = System.nanoTime();

	private ServiceProcess(String name, Process process, URI readiness, Path log, Supplier<ServiceProcess> again) {
		this.name = name;
		this.process = process;
		this.readiness = readiness;
		this.log = log;
		this.again = again;
	}

	/**
	 * Starts a service jar with the launcher's own Java.
	 * @param name the service name
	 * @param jar the executable jar
	 * @param environment variables added to the launcher's environment
	 * @param workingDirectory the project folder
	 * @param log where the service's output goes (appended)
	 * @param heap the maximum heap
	 * @param readiness the service's readiness URL
	 * @return the started process
	 */
	static ServiceProcess start(String name, Path jar, Map<String, String> environment, Path workingDirectory, Path log,
			String heap, URI readiness) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xss512k", "-XX:+UseSerialGC",
				"-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m"));
		Path gcLog = log.resolveSibling(name + "-gc.log").toAbsolutePath();
		if (!gcLog.toString().contains(":")) {
			// every collection and its pause, beside the service's log (two files of 5 MB
			// at most): what a stalled service was doing
			command.add("-Xlog:gc:file=" + gcLog + ":utctime,uptime:filecount=2,filesize=5m");
		}
		if (Runtime.version().feature() >= 24) {
			command.add("--enable-native-access=ALL-UNNAMED");
		}
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			Files.createDirectories(log.getParent());
			return new ServiceProcess(name, builder.start(), readiness, log,
					() -> start(name, jar, environment, workingDirectory, log, heap, readiness));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + " from " + jar, ex);
		}
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * @return how long ago the process was started
	 */
	Duration uptime() {
		return Duration.ofNanos(System.nanoTime() - this.startedAt);
	}

	/**
	 * @return the exit code of a process that ended
	 */
	int exitCode() {
		return this.process.exitValue();
	}

	/**
	 * @return the same service started again, with the same settings and log
	 */
	ServiceProcess restarted() {
		return this.again.get();
	}

	/**
	 * @param http the client to ask with
	 * @return whether readiness answers 200
	 */
	boolean isReady(HttpClient http) {
		try {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(this.readiness).timeout(Duration.ofSeconds(2)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Asks the service to stop (SIGTERM: Spring Boot shuts down gracefully) and kills it
	 * when it has not stopped within the grace period.
	 * @param grace how long a graceful stop may take
	 */
	void stop(Duration grace) {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @param lines how many lines
	 * @return the end of the service's log, for a failure message
	 */
	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log at " + this.log + ")";
		}
	}

}
