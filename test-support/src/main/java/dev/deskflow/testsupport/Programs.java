package dev.deskflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the command-line tools benchmarks compare against ({@code pgbench}, {@code wrk}).
 */
final class Programs {

	private Programs() {
	}

	/**
	 * @param command the program and its arguments
	 * @return what it printed (standard output and error)
	 * @throws IllegalStateException when it exits with another status than 0
	 */
	static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException(command[0] + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param program a program's name
	 * @return whether it is on the {@code PATH}
	 */
	static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String folder : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, program))) {
				return true;
			}
		}
		return false;
	}

}
