package dev.deskflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPA in a real browser against the running platform: Debian's Chromium (installed by
 * {@code web/scripts/install-browser.sh} the first time it is missing; that needs root or
 * sudo, and without either the test fails and says so, it is never skipped) driven by
 * {@code web/e2e/flows.mjs} with playwright-core through the gateway, as users would: an
 * admin publishes a help article, a new customer signs up and sees it suggested while
 * describing a problem, raises the ticket, an agent sees it arrive live, uses the AI
 * panel, replies and solves it, the customer sees the reply live and rates the ticket,
 * and the admin opens the report dashboard. Every main screen is checked with axe-core
 * (no serious or critical violation) and photographed into {@code target/screenshots/}.
 */
class BrowserFlowsTest extends PlatformTest {

	private static final List<String> SCREENS = List.of("admin-kb-editor", "agent-queue", "customer-deflection",
			"agent-queue-live", "agent-ticket", "customer-ticket", "kb-article", "admin-dashboard", "agent-queue-phone",
			"admin-sla", "admin-groups", "admin-macros", "agent-ticket-macro", "agent-queue-at-risk");

	@Test
	void theMainFlowsWorkInABrowser() throws IOException {
		Path root = Path.of(System.getProperty("deskflow.root", "..")).toAbsolutePath().normalize();
		Path web = root.resolve("web");
		Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
		Files.createDirectories(screenshots);

		Result install = run("install-browser", root,
				List.of("bash", web.resolve("scripts/install-browser.sh").toString()), Map.of(), 15);
		assertThat(install.exitCode()).as("web/scripts/install-browser.sh (run it as root): " + install.output())
			.isZero();
		assertThat(web.resolve("node_modules/playwright-core")).as("web's npm ci has run (./mvnw -pl web verify)")
			.isDirectory();

		Result flows = run("browser-flows", web, List.of("node", "e2e/flows.mjs"),
				Map.of("DESKFLOW_URL", platform.gateway(), "DESKFLOW_TENANT", TENANT, "DESKFLOW_PASSWORD", PASSWORD,
						"DESKFLOW_SCREENSHOTS", screenshots.toString()),
				10);
		System.out.println("web/e2e/flows.mjs: " + flows.output());
		assertThat(flows.exitCode()).as(flows.output()).isZero();
		assertThat(flows.output()).contains("\"result\":\"passed\"");
		for (String screen : SCREENS) {
			assertThat(screenshots.resolve(screen + ".png")).isNotEmptyFile();
		}
	}

	/**
	 * What a command printed and how it ended.
	 *
	 * @param exitCode the exit status
	 * @param output standard output and error together
	 */
	private record Result(int exitCode, String output) {
	}

	/**
	 * Runs a command with its output in {@code target/<name>.out}, so a command that
	 * hangs is still stopped after the timeout and its output kept.
	 */
	private static Result run(String name, Path directory, List<String> command, Map<String, String> environment,
			int timeoutMinutes) {
		Path log = Path.of("target", name + ".out").toAbsolutePath();
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			boolean ended = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
			if (!ended) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			if (!ended) {
				throw new IllegalStateException(command + " did not end within " + timeoutMinutes + " min: " + output);
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
