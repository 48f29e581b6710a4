package dev.deskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives HTTP load with {@code wrk} (Debian: {@code apt-get install wrk}), a load
 * generator written in C: unlike a load client in the benchmark's own JVM, it takes
 * little of the CPU the service under test needs, as {@code pgbench} does for the
 * database.
 */
public final class Wrk {

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern REQUESTS = Pattern.compile("([0-9]+) requests in");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");

	private static final Pattern ERRORS = Pattern
		.compile("Socket errors: connect ([0-9]+), read ([0-9]+), " + "write ([0-9]+), timeout ([0-9]+)");

	private Wrk() {
	}

	/**
	 * @return whether {@code wrk} is on the PATH
	 */
	public static boolean available() {
		return Programs.onPath("wrk");
	}

	/**
	 * What one run measured.
	 *
	 * @param requests requests completed
	 * @param perSecond requests per second
	 * @param p50Millis median latency
	 * @param p99Millis 99th-percentile latency
	 * @param failed answers other than 2xx/3xx plus socket errors
	 */
	public record Result(long requests, double perSecond, double p50Millis, double p99Millis, long failed) {
	}

	/**
	 * Sends the same request over and over.
	 * @param url the URL
	 * @param method the HTTP method
	 * @param headers the request's headers
	 * @param body the request's body, or {@code null}
	 * @param connections connections kept busy (requests in flight); two threads drive
	 * them, one when there is one connection
	 * @param seconds how long
	 * @return the figures
	 */
	public static Result run(String url, String method, Map<String, String> headers, String body, int connections,
			int seconds) {
		return run(url, method, headers, body, connections, seconds, 0);
	}

	/**
	 * Sends the same request over and over, each connection pausing between its requests:
	 * about {@code connections * 1000 / (pauseMillis + latency)} requests a second, a
	 * load below the server's limit.
	 * @param url the URL
	 * @param method the HTTP method
	 * @param headers the request's headers
	 * @param body the request's body, or {@code null}
	 * @param connections connections; two threads drive them, one when there is one
	 * @param seconds how long
	 * @param pauseMillis each connection's pause before its next request ({@code 0}:
	 * none)
	 * @return the figures; the latencies do not include the pauses
	 */
	public static Result run(String url, String method, Map<String, String> headers, String body, int connections,
			int seconds, int pauseMillis) {
		StringBuilder script = new StringBuilder("wrk.method = ").append(lua(method)).append('\n');
		if (body != null) {
			script.append("wrk.body = ").append(lua(body)).append('\n');
		}
		headers.forEach((name, value) -> script.append("wrk.headers[")
			.append(lua(name))
			.append("] = ")
			.append(lua(value))
			.append('\n'));
		if (pauseMillis > 0) {
			script.append("function delay()\n  return ").append(pauseMillis).append("\nend\n");
		}
		try {
			Path file = Files.createTempFile("deskflow-wrk-", ".lua");
			Files.writeString(file, script);
			String output = Programs.run("wrk", "-t", Integer.toString(Math.min(2, connections)), "-c",
					Integer.toString(connections), "-d", seconds + "s", "--latency", "-s", file.toString(), url);
			Files.deleteIfExists(file);
			return new Result(Long.parseLong(find(REQUESTS, output, 1)), Double.parseDouble(find(RATE, output, 1)),
					millis(output, "50%"), millis(output, "99%"), failed(output));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long failed(String output) {
		long failed = 0;
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			failed += Long.parseLong(non2xx.group(1));
		}
		Matcher errors = ERRORS.matcher(output);
		if (errors.find()) {
			for (int i = 1; i <= 4; i++) {
				failed += Long.parseLong(errors.group(i));
			}
		}
		return failed;
	}

	/** A line of {@code --latency}'s distribution, such as {@code 99%  12.34ms}. */
	private static double millis(String output, String percentile) {
		Matcher line = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(output);
		if (!line.find()) {
			throw new IllegalStateException("wrk printed no " + percentile + " latency:\n" + output);
		}
		double value = Double.parseDouble(line.group(1));
		return switch (line.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	private static String find(Pattern pattern, String output, int group) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("wrk printed no " + pattern + ":\n" + output);
		}
		return matcher.group(group);
	}

	/** A Lua string literal. */
	private static String lua(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
	}

}
