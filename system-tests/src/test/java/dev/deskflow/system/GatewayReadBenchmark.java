package dev.deskflow.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.deskflow.testsupport.CpuTime;
import dev.deskflow.testsupport.Wrk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's cost as the gateway issue defines it (not part of {@code ./mvnw verify}:
 * Surefire runs {@code *Test} classes): an authenticated {@code GET /api/tickets/{id}}
 * through the gateway against the same call straight to ticket-service, on the local
 * platform as {@code ./deskflow up} starts it (rate limits raised so they never refuse).
 * Run after a build: {@code ./mvnw -pl system-tests test -Dtest=GatewayReadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (options: {@code -Dbench.connections=8
 * -Dbench.seconds=20 -Dbench.rounds=2 -Dbench.warmUpMinutes=10}); needs {@code wrk}
 * (Debian: {@code apt-get install wrk}), a load client in C, so the client takes little
 * of the two cores the services need.
 * <p>
 * It waits until ai-service has taken in the demo data (its CPU idle), warms both paths
 * up until the CPU per request of the processes on the path stops falling (the JIT has
 * compiled the path: on two shared cores that takes minutes), then alternates direct and
 * gateway runs (the machine's speed drifts; alternating keeps the ratio fair) and prints,
 * also to {@code target/benchmark-gateway-reads.txt}, per path: requests per second, p50
 * and p99 at N connections and at one, and the CPU per request of the gateway,
 * ticket-service and PostgreSQL.
 */
class GatewayReadBenchmark {

	private static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

	private static final int WARM_UP_MINUTES = Integer.getInteger("bench.warmUpMinutes", 10);

	/** Length of one warm-up window. */
	private static final int WINDOW_SECONDS = 15;

	private final StringBuilder report = new StringBuilder();

	@Test
	void measuresTheGatewayAgainstTheServiceItFronts() throws IOException {
		assertThat(Wrk.available()).as("wrk on the PATH (apt-get install wrk)").isTrue();
		LocalPlatform platform = LocalPlatform.withRateLimitsRaised();
		Api api = new Api(platform.gateway());
		Api.User customer = api.login(PlatformTest.TENANT, "customer01@demo.deskflow.dev", PlatformTest.PASSWORD);
		Api.User agent = api.login(PlatformTest.TENANT, "agent1@demo.deskflow.dev", PlatformTest.PASSWORD);
		String ticket = api
			.post("/api/tickets", customer, Map.of("subject", "Read me", "description", "A ticket to read."))
			.body()
			.path("id")
			.asString();
		ProcessHandle gatewayProcess = platform.serviceProcess("gateway").orElseThrow();
		ProcessHandle ticketProcess = platform.serviceProcess("ticket-service").orElseThrow();
		ProcessHandle aiProcess = platform.serviceProcess("ai-service").orElseThrow();
		awaitIdle(aiProcess);
		line("Deskflow gateway read benchmark, %s, %d cores, every process on this machine, loopback, wrk -c %d",
				Instant.now(), Runtime.getRuntime().availableProcessors(), CONNECTIONS);

		Map<String, String> headers = Map.of("Authorization", "Bearer " + agent.token());
		String path = "/api/tickets/" + ticket;
		Map<String, String> urls = new LinkedHashMap<>();
		urls.put("direct", platform.service("TICKET") + path);
		urls.put("gateway", platform.gateway() + path);
		warmUp("direct", urls.get("direct"), headers, ticketProcess);
		warmUp("gateway", urls.get("gateway"), headers, gatewayProcess);

		Map<String, Totals> totals = new LinkedHashMap<>();
		urls.keySet().forEach((name) -> totals.put(name, new Totals()));
		for (int round = 1; round <= ROUNDS; round++) {
			for (Map.Entry<String, String> url : urls.entrySet()) {
				Supplier<long[]> cpu = () -> new long[] { cpuNanos(gatewayProcess), cpuNanos(ticketProcess),
						CpuTime.processesNanos("postgres") };
				long[] before = cpu.get();
				Wrk.Result result = Wrk.run(url.getValue(), "GET", headers, null, CONNECTIONS, SECONDS);
				long[] after = cpu.get();
				Totals total = totals.get(url.getKey());
				total.add(result, after[0] - before[0]);
				line("round %d %-8s %7.0f req/s  p50 %6.2f ms  p99 %6.2f ms  failed %d  CPU per request: gateway %4.0f µs,"
						+ " ticket-service %4.0f µs, postgres %4.0f µs", round, url.getKey(), result.perSecond(),
						result.p50Millis(), result.p99Millis(), result.failed(),
						perRequestMicros(after[0] - before[0], result), perRequestMicros(after[1] - before[1], result),
						perRequestMicros(after[2] - before[2], result));
			}
		}
		Totals direct = totals.get("direct");
		Totals gateway = totals.get("gateway");
		line("direct   %7.0f req/s, p50 %.2f ms, p99 %.2f ms (mean of the rounds)", direct.rate(), direct.p50(),
				direct.p99());
		line("gateway  %7.0f req/s, p50 %.2f ms, p99 %.2f ms", gateway.rate(), gateway.p50(), gateway.p99());
		line("gateway / direct: %.1f %% of the throughput, p50 %+.2f ms; the gateway's CPU per request %.0f µs",
				100 * gateway.rate() / direct.rate(), gateway.p50() - direct.p50(), gateway.gatewayMicros());

		Wrk.Result directOne = Wrk.run(urls.get("direct"), "GET", headers, null, 1, SECONDS / 2);
		Wrk.Result gatewayOne = Wrk.run(urls.get("gateway"), "GET", headers, null, 1, SECONDS / 2);
		line("one connection: direct p50 %.2f ms (%.0f req/s), gateway p50 %.2f ms (%.0f req/s): p50 %+.2f ms",
				directOne.p50Millis(), directOne.perSecond(), gatewayOne.p50Millis(), gatewayOne.perSecond(),
				gatewayOne.p50Millis() - directOne.p50Millis());

		Files.writeString(Path.of("target", "benchmark-gateway-reads.txt"), this.report);
		assertThat(direct.failed + gateway.failed + directOne.failed() + gatewayOne.failed()).isZero();
	}

	/**
	 * Runs windows of load until two windows in a row do not bring the CPU per request of
	 * the given processes 5 % below its lowest so far (or the warm-up's time is up).
	 */
	private void warmUp(String name, String url, Map<String, String> headers, ProcessHandle... processes) {
		long until = System.nanoTime() + Duration.ofMinutes(WARM_UP_MINUTES).toNanos();
		double lowest = Double.MAX_VALUE;
		int window = 0;
		int flat = 0;
		while (System.nanoTime() < until) {
			long before = cpuNanos(processes);
			Wrk.Result result = Wrk.run(url, "GET", headers, null, CONNECTIONS, WINDOW_SECONDS);
			double micros = perRequestMicros(cpuNanos(processes) - before, result);
			window++;
			line("warm-up %-8s window %2d: %7.0f req/s, CPU per request %5.0f µs", name, window, result.perSecond(),
					micros);
			flat = (micros > lowest * 0.95) ? flat + 1 : 0;
			lowest = Math.min(lowest, micros);
			if (flat == 3) {
				return;
			}
		}
		line("warm-up %-8s still getting cheaper after %d minutes", name, WARM_UP_MINUTES);
	}

	private static long cpuNanos(ProcessHandle... processes) {
		long total = 0;
		for (ProcessHandle process : processes) {
			total += cpuNanos(process);
		}
		return total;
	}

	/**
	 * Waits until ai-service has indexed the demo data: under 5 % of a core between two
	 * readings 5 s apart.
	 */
	private static void awaitIdle(ProcessHandle process) {
		AtomicLong last = new AtomicLong(cpuNanos(process));
		await("ai-service to go idle").atMost(Duration.ofMinutes(10))
			.pollDelay(Duration.ofSeconds(5))
			.pollInterval(Duration.ofSeconds(5))
			.until(() -> {
				long now = cpuNanos(process);
				return now - last.getAndSet(now) < 250_000_000L;
			});
	}

	private static long cpuNanos(ProcessHandle process) {
		return process.info().totalCpuDuration().orElseThrow().toNanos();
	}

	private static double perRequestMicros(long nanos, Wrk.Result result) {
		return nanos / 1000.0 / Math.max(1, result.requests());
	}

	private void line(String format, Object... arguments) {
		String text = String.format(format, arguments);
		System.out.println(text);
		this.report.append(text).append('\n');
	}

	/** One path's runs, summed. */
	private static final class Totals {

		private int runs;

		private double rate;

		private double p50;

		private double p99;

		private long requests;

		private long gatewayNanos;

		private long failed;

		void add(Wrk.Result result, long gatewayNanos) {
			this.runs++;
			this.rate += result.perSecond();
			this.p50 += result.p50Millis();
			this.p99 += result.p99Millis();
			this.requests += result.requests();
			this.gatewayNanos += gatewayNanos;
			this.failed += result.failed();
		}

		double rate() {
			return this.rate / this.runs;
		}

		double p50() {
			return this.p50 / this.runs;
		}

		double p99() {
			return this.p99 / this.runs;
		}

		double gatewayMicros() {
			return this.gatewayNanos / 1000.0 / this.requests;
		}

	}

}
