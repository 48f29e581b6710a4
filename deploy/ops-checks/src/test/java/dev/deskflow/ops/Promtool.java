package dev.deskflow.ops;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code promtool}, installing the {@code prometheus} package with the
 * project's script the first time it is missing (it needs root or sudo; without either
 * the checks fail and say how to install it, they are never skipped).
 */
final class Promtool {

	/**
	 * What a command printed and how it ended.
	 *
	 * @param exitCode the exit status
	 * @param output standard output and error together
	 */
	record Result(int exitCode, String output) {
	}

	private static Path executable;

	private Promtool() {
	}

	/**
	 * @param workingDirectory where to run it (rule files are found relative to it)
	 * @param arguments the promtool arguments
	 * @return what it printed and its exit status
	 */
	static Result run(Path workingDirectory, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(executable().toString());
		command.addAll(List.of(arguments));
		return exec(workingDirectory, command, 2);
	}

	/**
	 * Installs Debian's {@code prometheus} package (promtool and the Prometheus server)
	 * when promtool is missing.
	 */
	static void ensureInstalled() {
		executable();
	}

	private static synchronized Path executable() {
		if (executable == null) {
			executable = onPath();
			if (executable == null) {
				Path script = Project.file("deploy/scripts/install-prometheus.sh");
				Result install = exec(Project.root(), List.of("bash", script.toString()), 15);
				executable = onPath();
				if (install.exitCode() != 0 || executable == null) {
					throw new IllegalStateException("promtool is missing and " + script
							+ " could not install it (run it as root): " + install.output());
				}
			}
		}
		return executable;
	}

	private static Path onPath() {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(folder, "promtool");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static Result exec(Path workingDirectory, List<String> command, int timeoutMinutes) {
		try {
			Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not end within " + timeoutMinutes + " min");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
