package dev.deskflow.ops;

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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskflow.launcher.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Starts the real local platform once (the four services' built jars, embedded
 * PostgreSQL, Kafka and Redis, demo data), sends a little traffic through the gateway,
 * and checks what operators rely on against it: the dashboards and alert rules name only
 * metrics the services really export (some appear only after their first use, so the
 * check waits for them a while before it fails), the image health check follows the
 * services' readiness, and one trace runs from the gateway through ticket-service and
 * Kafka to ai-service and realtime-service, reported to a Zipkin-compatible collector.
 * The platform runs with its optional Prometheus ({@code ./deskflow up --prometheus}),
 * which must scrape every service, load every alert rule, and run every dashboard query.
 */
class RunningPlatformTest {

	/** Series Prometheus makes itself for every target. */
	private static final Set<String> SYNTHETIC = Set.of("up");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static LocalPlatform platform;

	private static TraceCollector traces;

	@BeforeAll
	static void startPlatform() throws IOException {
		// the services report every span to it (DESKFLOW_ZIPKIN_URL, set in the pom)
		traces = TraceCollector.start(Integer.getInteger("deskflow.trace-collector.port"));
		long started = System.nanoTime();
		// under target, so that the services' logs outlive a failed run
		// Prometheus (./deskflow up --prometheus) comes from Debian's package
		Promtool.ensureInstalled();
		platform = LocalPlatform.start(Project.root(), Project.file("deploy/ops-checks/target/platform"),
				Duration.ofMinutes(8), true);
		System.out.printf("RunningPlatformTest: platform ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
		useTheApi();
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
		traces.close();
	}

	/**
	 * Raises a ticket as a demo customer and lists tickets as a demo agent, through the
	 * gateway, so that the write path's metrics (the outbox's Kafka sends) exist too.
	 */
	private static void useTheApi() {
		HttpResponse<String> raised = raise(logIn("customer02@demo.deskflow.dev"), null);
		assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
		String agent = logIn("agent1@demo.deskflow.dev");
		HttpResponse<String> tickets = send(HttpRequest.newBuilder(URI.create(gateway() + "/api/tickets?limit=5"))
			.header("Authorization", "Bearer " + agent)
			.build());
		assertThat(tickets.statusCode()).as(tickets.body()).isEqualTo(200);
		// an agent rates a solved demo ticket as a helpful match, so the AI's hit rate
		// has
		// its first sample (once ai-service has the ticket in its corpus)
		String ticket = Project.JSON.valueToTree(parse(raised.body())).path("id").asText();
		HttpResponse<String> solved = send(
				HttpRequest.newBuilder(URI.create(gateway() + "/api/tickets?status=SOLVED,CLOSED&limit=1"))
					.header("Authorization", "Bearer " + agent)
					.build());
		String match = Project.JSON.valueToTree(parse(solved.body())).path("items").path(0).path("id").asText();
		HttpRequest feedback = HttpRequest.newBuilder(URI.create(gateway() + "/api/ai/feedback"))
			.header("Authorization", "Bearer " + agent)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"" + ticket + "\",\"itemKind\":\"TICKET\","
					+ "\"itemId\":\"" + match + "\",\"helpful\":true}"))
			.build();
		await("feedback on a solved ticket accepted").atMost(Duration.ofMinutes(2))
			.until(() -> send(feedback).statusCode(), (status) -> status == 200 || status == 201);
	}

	private static HttpResponse<String> raise(String token, String traceparent) {
		return raise(token, traceparent, "A request to follow.");
	}

	private static HttpResponse<String> raise(String token, String traceparent, String description) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + "/api/tickets"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"subject\":\"Where does this go?\",\"description\":\"" + description + "\"}"));
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return send(request.build());
	}

	private static String gateway() {
		return "http://127.0.0.1:" + platform.gatewayPort();
	}

	private static String logIn(String email) {
		HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(gateway() + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"tenant\":\"demo\",\"email\":\"" + email + "\",\"password\":\"deskflow-demo\"}"))
			.build());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return Project.JSON.valueToTree(parse(login.body())).path("accessToken").asText();
	}

	private static Object parse(String json) {
		try {
			return Project.JSON.readValue(json, Object.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(json, ex);
		}
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return every sample name on every service's {@code /actuator/prometheus}, with the
	 * suffixes Micrometer gives them ({@code _total}, {@code _seconds_count}, ...)
	 */
	private static Set<String> exported() {
		Set<String> names = new TreeSet<>(SYNTHETIC);
		platform.actuatorPorts().forEach((service, port) -> {
			HttpResponse<String> scrape = send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build());
			assertThat(scrape.statusCode()).as("%s metrics", service).isEqualTo(200);
			scrape.body()
				.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("[{ ]", 2)[0])
				.forEach(names::add);
		});
		return names;
	}

	private static void assertExported(Map<String, Set<String>> referenced) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
			Set<String> exported = exported();
			Map<String, Set<String>> missing = new TreeMap<>();
			referenced.forEach((where, names) -> {
				Set<String> absent = names.stream()
					.filter((name) -> !exported.contains(name))
					.collect(Collectors.toSet());
				if (!absent.isEmpty()) {
					missing.put(where, absent);
				}
			});
			assertThat(missing).as("metrics the services do not export").isEmpty();
		});
	}

	@Test
	void everyDashboardQueryNamesOnlyMetricsTheServicesExport() throws IOException {
		Map<String, Set<String>> referenced = new TreeMap<>();
		for (Dashboards.Query query : Dashboards.queries()) {
			referenced.computeIfAbsent(query.dashboard() + " / " + query.where(), (key) -> new TreeSet<>())
				.addAll(PromQl.metricNames(query.expression()));
		}
		assertExported(referenced);
		// the inventory, for whoever adds the next panel
		Path inventory = Project.file("deploy/ops-checks/target/exported-metrics.txt");
		Files.write(inventory, exported());
	}

	@Test
	void thePlatformsPrometheusScrapesEveryServiceAndRunsEveryDashboardQueryAndAlertRule() {
		await("every service scraped").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			Map<String, String> upByJob = new TreeMap<>();
			prometheus("/api/v1/query?query=up").path("data")
				.path("result")
				.forEach((series) -> upByJob.put(series.path("metric").path("job").asText(),
						series.path("value").path(1).asText()));
			Map<String, String> lastErrors = new TreeMap<>();
			prometheus("/api/v1/targets").path("data")
				.path("activeTargets")
				.forEach((target) -> lastErrors.put(target.path("labels").path("job").asText(),
						target.path("lastError").asText()));
			assertThat(upByJob).containsOnlyKeys("gateway", "ticket-service", "ai-service", "realtime-service")
				.allSatisfy((job, up) -> assertThat(up).as("%s (last scrape error: %s)", job, lastErrors.get(job))
					.isEqualTo("1"));
		});
		for (Dashboards.Query query : Dashboards.queries()) {
			String expression = runnable(query.expression());
			JsonNode answer = prometheus("/api/v1/query?query="
					+ java.net.URLEncoder.encode(expression, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(answer.path("status").asText())
				.as("%s / %s: %s → %s", query.dashboard(), query.where(), expression, answer.path("error").asText())
				.isEqualTo("success");
		}
		Set<String> ruleNames = AlertRules.all().stream().map(AlertRules.Rule::name).collect(Collectors.toSet());
		await("every alert rule evaluated").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			Map<String, String> healthByRule = new TreeMap<>();
			prometheus("/api/v1/rules").path("data")
				.path("groups")
				.forEach((group) -> group.path("rules")
					.forEach((rule) -> healthByRule.put(rule.path("name").asText(), rule.path("health").asText())));
			assertThat(healthByRule).containsOnlyKeys(ruleNames)
				.allSatisfy((rule, health) -> assertThat(health).as(rule).isEqualTo("ok"));
		});
	}

	/**
	 * @return a dashboard query as Grafana would send it: its variables given values (the
	 * demo tenant, one service, a one-minute rate window), a variable's
	 * {@code label_values(selector, label)} reduced to its selector
	 */
	private static String runnable(String expression) {
		String query = expression.replace("$__rate_interval", "1m")
			.replace("$application", "ticket-service")
			.replace("$tenant", "demo");
		java.util.regex.Matcher labelValues = java.util.regex.Pattern
			.compile("^\\s*label_values\\((.+),\\s*\\w+\\s*\\)\\s*$")
			.matcher(query);
		return labelValues.matches() ? labelValues.group(1) : query;
	}

	private static JsonNode prometheus(String pathAndQuery) {
		HttpResponse<String> answer = send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.prometheusPort() + pathAndQuery))
					.build());
		return Project.JSON.valueToTree(parse(answer.body()));
	}

	@Test
	void everyAlertRuleNamesOnlyMetricsTheServicesExport() {
		Map<String, Set<String>> referenced = new TreeMap<>();
		for (AlertRules.Rule rule : AlertRules.all()) {
			referenced.put(rule.name(), PromQl.metricNames(rule.expression()));
		}
		assertExported(referenced);
	}

	@Test
	void oneTraceRunsFromTheGatewayThroughKafkaToTheAiAndRealtimeServices() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		HttpResponse<String> raised = raise(logIn("customer01@demo.deskflow.dev"),
				"00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
		// the hops: ticket-service publishes under the request's trace, both consumers
		// continue it, and ai-service's own event carries it on to realtime-service; each
		// service reports its spans on its own schedule
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(traces.trace(traceId))
				.extracting(TraceCollector.ReportedSpan::service, TraceCollector.ReportedSpan::kind)
				.contains(tuple("gateway", "SERVER"), tuple("ticket-service", "SERVER"),
						tuple("ticket-service", "PRODUCER"), tuple("ai-service", "CONSUMER"),
						tuple("ai-service", "PRODUCER"), tuple("realtime-service", "CONSUMER")));
	}

	@Test
	void noLogLineHoldsATokenAPasswordOrATicketsText() throws IOException {
		String password = "planted-password-" + UUID.randomUUID();
		HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(gateway() + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"tenant\":\"demo\",\"email\":\"agent2@demo.deskflow.dev\",\"password\":\"" + password + "\"}"))
			.build());
		assertThat(refused.statusCode()).isEqualTo(401);
		String token = logIn("customer03@demo.deskflow.dev");
		String text = "planted-description-" + UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		HttpResponse<String> raised = raise(token, "00-" + traceId + "-00f067aa0ba902b7-01", text);
		assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
		// once both consumers handled the ticket, whatever they would log about it is
		// written
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(traces.trace(traceId)).extracting(TraceCollector.ReportedSpan::service)
				.contains("ai-service", "realtime-service"));
		String signature = token.substring(token.lastIndexOf('.') + 1);
		try (var logs = Files.list(platform.logs())) {
			for (Path log : logs.toList()) {
				String content = Files.readString(log);
				assertThat(content).as(log.getFileName().toString())
					.doesNotContain(password)
					.doesNotContain(signature)
					.doesNotContain(text);
			}
		}
	}

	@Test
	void theImageHealthCheckPassesOnReadinessAndFailsOtherwise() throws Exception {
		String script = Project.file("deploy/docker/healthcheck.sh").toString();
		for (Map.Entry<String, Integer> service : platform.actuatorPorts().entrySet()) {
			String port = service.getValue().toString();
			assertThat(run(script, port, "/actuator/health/readiness")).as("%s is ready", service.getKey()).isZero();
		}
		String ticketPort = platform.actuatorPorts().get("ticket-service").toString();
		assertThat(run(script, ticketPort, "/api/tickets")).as("401 without a token").isNotZero();
		assertThat(run(script, "1", "/actuator/health/readiness")).as("nothing listens").isNotZero();
	}

	private static int run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

}
