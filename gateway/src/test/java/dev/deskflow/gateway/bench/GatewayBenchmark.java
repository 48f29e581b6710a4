package dev.deskflow.gateway.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import dev.deskflow.bench.BareGateway;
import dev.deskflow.gateway.Gateway;
import dev.deskflow.gateway.TestServers;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Not a test: prints the throughput and p50/p99 latency of an authenticated GET through a
 * real gateway (JWT validation, Redis rate limit, breaker, bulkhead, access log) against
 * the same GET sent straight to the stub service, and the rate limiter's decisions per
 * second against Redis. Run it as described in {@code docs/benchmarks.md}.
 */
public final class GatewayBenchmark {

	private static final int CONCURRENCY = Integer.getInteger("concurrency", 32);

	/**
	 * Long: the gateway's path is much more code than the stub's, and the JIT needs
	 * calls.
	 */
	private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("warmUpSeconds", 30));

	private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("measureSeconds", 20));

	private GatewayBenchmark() {
	}

	public static void main(String[] args) {
		if ("bare".equals(System.getProperty("gateway"))) {
			bare();
			return;
		}
		try (Gateway gateway = Gateway.start(Map.of("logging.level.dev.deskflow.gateway.access", "warn",
				"deskflow.gateway.rate-limits.plans.standard.tenant.capacity", "1000000000",
				"deskflow.gateway.rate-limits.plans.standard.user.capacity", "1000000000",
				"deskflow.gateway.resilience.max-concurrent-calls", "1000"))) {
			compare("gateway", gateway.port());
			rateLimiterDecisions(gateway.bean(ReactiveStringRedisTemplate.class));
		}
		printMachine();
		System.exit(0);
	}

	/**
	 * The same measurement with {@link BareGateway} in the gateway's place: what Spring
	 * Cloud Gateway alone costs per request.
	 */
	private static void bare() {
		try (ConfigurableApplicationContext bare = BareGateway.start(TestServers.SERVICES.uri())) {
			compare("bare Spring Cloud Gateway",
					bare.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		}
		printMachine();
		System.exit(0);
	}

	/** Warms both paths up, then measures direct and through the proxy on the port. */
	private static void compare(String proxy, int port) {
		String token = TestServers.TOKENS.valid("bench", UUID.randomUUID().toString());
		String direct = TestServers.SERVICES.uri() + "/api/tickets/bench";
		String through = "http://127.0.0.1:" + port + "/api/tickets/bench";
		run("direct (warm-up)", direct, token, WARM_UP);
		run(proxy + " (warm-up)", through, token, WARM_UP);
		Result straight = run("direct", direct, token, MEASURE);
		Result proxied = run(proxy, through, token, MEASURE);
		System.out.printf("%s throughput = %.1f %% of direct; p50 +%.2f ms, p99 +%.2f ms; CPU +%.0f us/request%n",
				proxy, 100.0 * proxied.perSecond() / straight.perSecond(), proxied.p50() - straight.p50(),
				proxied.p99() - straight.p99(), proxied.cpuMicrosPerRequest() - straight.cpuMicrosPerRequest());
	}

	private static void printMachine() {
		System.out.println("date " + LocalDate.now() + ", cores " + Runtime.getRuntime().availableProcessors()
				+ ", java " + System.getProperty("java.version"));
	}

	private static Result run(String name, String url, String token, Duration duration) {
		ConnectionProvider pool = ConnectionProvider.builder(name).maxConnections(CONCURRENCY).build();
		HttpClient client = HttpClient.create(pool)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token));
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		long start = System.nanoTime();
		long cpuAtStart = processCpuNanos();
		Flux.range(0, CONCURRENCY).flatMap((worker) -> Mono.defer(() -> {
			long sent = System.nanoTime();
			return client.get()
				.uri(url)
				.responseSingle((response, body) -> body.asString().defaultIfEmpty("").map((text) -> {
					if (response.status().code() != 200) {
						errors.incrementAndGet();
					}
					latencies.add(System.nanoTime() - sent);
					return text;
				}));
		}).repeat(() -> System.nanoTime() < end).onErrorContinue((failure, value) -> errors.incrementAndGet()),
				CONCURRENCY)
			.blockLast();
		double seconds = (System.nanoTime() - start) / 1e9;
		long cpu = processCpuNanos() - cpuAtStart;
		pool.dispose();
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		Result result = new Result(sorted.length / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
				cpu / 1000.0 / Math.max(1, sorted.length));
		System.out.printf(
				"%-18s %8d requests, %8.0f req/s, p50 %6.2f ms, p99 %6.2f ms, errors %d, CPU of this JVM %5.0f us/request%n",
				name, sorted.length, result.perSecond(), result.p50(), result.p99(), errors.get(),
				result.cpuMicrosPerRequest());
		return result;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void rateLimiterDecisions(ReactiveStringRedisTemplate redis) {
		RedisScript<List> script;
		try {
			script = RedisScript.of(new ClassPathResource("dev/deskflow/gateway/ratelimit/token-buckets.lua")
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), List.class);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		List<String> args = List.of("1", "1000000000", "60000", "1000000000", "60000");
		AtomicLong decisions = new AtomicLong();
		for (Duration duration : new Duration[] { WARM_UP, MEASURE }) {
			decisions.set(0);
			long end = System.nanoTime() + duration.toNanos();
			long start = System.nanoTime();
			Flux.range(0, 64).flatMap((worker) -> Mono.defer(() -> {
				List<String> keys = new ArrayList<>(Arrays.asList("bench:rl:tenant:t" + (worker % 8),
						"bench:rl:user:t" + (worker % 8) + ":u" + worker));
				return redis.execute(script, keys, args).next();
			}).doOnNext((result) -> decisions.incrementAndGet()).repeat(() -> System.nanoTime() < end), 64).blockLast();
			double seconds = (System.nanoTime() - start) / 1e9;
			if (duration == MEASURE) {
				System.out.printf(
						"rate limiter: %8.0f decisions/s (tenant + user bucket, one Lua call each, 64 in flight)%n",
						decisions.get() / seconds);
			}
		}
	}

	private static double percentile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
	}

	/**
	 * CPU time of this JVM (client, stubs, gateway; not Redis): unlike throughput, it
	 * hardly depends on what else the machine runs.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private record Result(double perSecond, double p50, double p99, double cpuMicrosPerRequest) {
	}

}
