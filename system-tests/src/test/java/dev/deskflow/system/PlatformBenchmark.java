package dev.deskflow.system;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import dev.deskflow.testsupport.Pgbench;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform figures in one run (not part of {@code ./mvnw verify}: Surefire runs
 * {@code *Test} classes). Run after a build: {@code ./mvnw -pl system-tests test
 * -Dtest=PlatformBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (options:
 * {@code -Dbench.requests=3000 -Dbench.concurrency=16 -Dbench.sockets=200
 * -Dbench.soakSeconds=600}).
 * <p>
 * Starts the local platform as {@code ./deskflow up} does (rate limits raised so they do
 * not cut the load) and prints, writing the same to
 * {@code target/benchmark-platform.txt}: ticket writes through the gateway and direct to
 * ticket-service (rate, p50, p99, ratio), the same for an authenticated ticket read, the
 * delay from a write to its {@code ticket.created} on N agent sockets through the
 * gateway, the same write run by pgbench on the platform's PostgreSQL (the database's
 * ceiling; skipped with a line saying so when pgbench is not installed), ai-service's
 * recommendations for a ticket through the gateway (p95), and a soak: steady writes with
 * every socket connected, then errors, lost writes (acknowledged but not readable),
 * duplicated events (the same event id twice on a socket) and the memory of each process
 * at the start and the end.
 */
class PlatformBenchmark {

	private static final int REQUESTS = Integer.getInteger("bench.requests", 3000);

	private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);

	private static final int SOCKETS = Integer.getInteger("bench.sockets", 200);

	private static final int SOAK_SECONDS = Integer.getInteger("bench.soakSeconds", 600);

	private static final int SOAK_RATE = Integer.getInteger("bench.soakRate", 20);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final StringBuilder report = new StringBuilder();

	@Test
	void measuresThePlatform() throws Exception {
		LocalPlatform platform = LocalPlatform.withRateLimitsRaised();
		Api api = new Api(platform.gateway());
		Api.User customer = api.login(PlatformTest.TENANT, "customer01@demo.deskflow.dev", PlatformTest.PASSWORD);
		Api.User agent = api.login(PlatformTest.TENANT, "agent1@demo.deskflow.dev", PlatformTest.PASSWORD);
		line("Deskflow platform benchmark, %s, %d cores, every process on this machine, loopback", Instant.now(),
				Runtime.getRuntime().availableProcessors());

		String gateway = platform.gateway();
		String direct = platform.service("TICKET");
		Result gatewayWrites = load("POST /api/tickets via gateway", (i) -> raise(gateway, customer, i));
		Result directWrites = load("POST /api/tickets direct", (i) -> raise(direct, customer, i));
		line("  gateway / direct (writes): %.0f %% of throughput, +%.2f ms at p50",
				100 * gatewayWrites.rate / directWrites.rate, (gatewayWrites.p50 - directWrites.p50) / 1000.0);
		pgbench(platform, api, gatewayWrites, directWrites);

		String ticket = api
			.post("/api/tickets", customer, Map.of("subject", "Read me", "description", "A ticket to read."))
			.body()
			.path("id")
			.asString();
		Result gatewayReads = load("GET /api/tickets/{id} via gateway", (i) -> read(gateway, agent, ticket));
		Result directReads = load("GET /api/tickets/{id} direct", (i) -> read(direct, agent, ticket));
		line("  gateway / direct (reads): %.0f %% of throughput, +%.2f ms at p50",
				100 * gatewayReads.rate / directReads.rate, (gatewayReads.p50 - directReads.p50) / 1000.0);

		// ai-service's answer for a ticket it has indexed: ready once its
		// recommendations.ready went out, after the thousands of tickets written above
		long catchUp = System.nanoTime();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofMinutes(15))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> api.get("/api/ai/tickets/" + ticket + "/recommendations", agent).status() == 200);
		line("ai-service had recommendations for the last ticket written %.0f s after the read runs",
				(System.nanoTime() - catchUp) / 1e9);
		Result recommendations = load("GET recommendations via gateway",
				(i) -> get(gateway + "/api/ai/tickets/" + ticket + "/recommendations", agent));
		line("  recommendations p95 %.2f ms", recommendations.p95 / 1000.0);

		// access tokens live 15 minutes: fresh ones for the soak
		soak(platform, api, api.login(PlatformTest.TENANT, "customer01@demo.deskflow.dev", PlatformTest.PASSWORD),
				api.login(PlatformTest.TENANT, "agent1@demo.deskflow.dev", PlatformTest.PASSWORD));
		Path out = Path.of("target", "benchmark-platform.txt");
		Files.writeString(out, this.report);
		assertThat(gatewayWrites.errors + directWrites.errors + gatewayReads.errors + directReads.errors
				+ recommendations.errors)
			.isZero();
	}

	private void soak(LocalPlatform platform, Api api, Api.User customer, Api.User agent) throws Exception {
		// per socket: each ticket's first ticket.created, and how often an event came
		// again
		Numbers events = new Numbers();
		Numbers tickets = new Numbers();
		List<Received> arrivals = new ArrayList<>();
		AtomicInteger duplicated = new AtomicInteger();
		List<LiveSocket> sockets = new ArrayList<>();
		for (int i = 0; i < SOCKETS; i++) {
			Received received = new Received();
			arrivals.add(received);
			LiveSocket socket = LiveSocket.open(api, platform.gateway(), agent, (frame, at) -> {
				if (!received.firstTime(events.of(frame.path("id").asString()))) {
					duplicated.incrementAndGet();
				}
				if ("ticket.created".equals(frame.path("eventType").asString())) {
					received.created(tickets.of(frame.path("data").path("ticketId").asString()), at);
				}
			});
			socket.subscribe("queue");
			sockets.add(socket);
		}
		Map<String, Long> memoryBefore = platform.residentMemoryMiB();
		long clientGcBefore = collectionMillis();
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		AtomicInteger errors = new AtomicInteger();
		// one write every 1/SOAK_RATE s for SOAK_SECONDS, paced by a scheduler
		AtomicInteger written = new AtomicInteger();
		List<CompletableFuture<Void>> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
		writer.scheduleAtFixedRate(() -> {
			long started = System.currentTimeMillis();
			int n = written.getAndIncrement();
			inFlight
				.add(this.http.sendAsync(raise(platform.gateway(), customer, n), HttpResponse.BodyHandlers.ofString())
					.thenAccept((response) -> {
						if (response.statusCode() == 201) {
							sentAt.put(Api.JSON.readTree(response.body()).path("id").asString(), started);
						}
						else {
							errors.incrementAndGet();
						}
					})
					.exceptionally((failure) -> {
						errors.incrementAndGet();
						return null;
					}));
		}, 0, 1_000_000_000L / SOAK_RATE, TimeUnit.NANOSECONDS);
		writer.schedule(writer::shutdown, SOAK_SECONDS, TimeUnit.SECONDS);
		assertThat(writer.awaitTermination(SOAK_SECONDS + 60, TimeUnit.SECONDS)).isTrue();
		CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
		// every acknowledged ticket reaches every socket exactly once
		try {
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> arrivals.stream()
					.allMatch((received) -> sentAt.keySet()
						.stream()
						.allMatch((ticket) -> received.createdAt(tickets.of(ticket)) != 0)));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// counted as missing below
		}
		Histogram delay = new Histogram(3_600_000L, 3);
		int missing = 0;
		for (Received received : arrivals) {
			for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
				long at = received.createdAt(tickets.of(sent.getKey()));
				if (at == 0) {
					missing++;
				}
				else {
					delay.recordValue(Math.max(0, at - sent.getValue()));
				}
			}
		}
		int lost = 0;
		// a token of its own for the check, which starts after the soak's token may have
		// expired; a ticket that is not found is lost, any other answer fails the run
		Api.User reader = api.login(PlatformTest.TENANT, "customer01@demo.deskflow.dev", PlatformTest.PASSWORD);
		for (String id : sentAt.keySet()) {
			int status = api.get("/api/tickets/" + id, reader).status();
			if (status == 404) {
				lost++;
			}
			else {
				assertThat(status).as("reading back ticket " + id).isEqualTo(200);
			}
		}
		Map<String, Long> memoryAfter = platform.residentMemoryMiB();
		line("Soak: %d s at %d writes/s through the gateway, %d agent sockets on the queue", SOAK_SECONDS, SOAK_RATE,
				SOCKETS);
		line("  writes acknowledged: %d; errors: %d; lost writes: %d", sentAt.size(), errors.get(), lost);
		line("  write → ticket.created on a socket: p50 %d ms, p99 %d ms, max %d ms; missing %d, duplicated %d",
				delay.getValueAtPercentile(50), delay.getValueAtPercentile(99), delay.getMaxValue(), missing,
				duplicated.get());
		line("  resident memory MiB at start: %s; at end: %s", memoryBefore, memoryAfter);
		line("  this JVM (the load client and the sockets) spent %d ms of the soak collecting garbage",
				collectionMillis() - clientGcBefore);
		sockets.forEach(LiveSocket::close);
	}

	private static long collectionMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	/**
	 * A number for each id, the same for every socket: the soak's 200 sockets each get
	 * every event, and sets and maps of id strings per socket grew to hundreds of MB in
	 * this JVM, whose collections then stalled the load it makes (gaps of seconds, then
	 * bursts of catch-up writes).
	 */
	private static final class Numbers {

		private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

		private final AtomicInteger next = new AtomicInteger();

		int of(String id) {
			return this.numbers.computeIfAbsent(id, (ignored) -> this.next.getAndIncrement());
		}

	}

	/** What one socket received, by event and ticket number. */
	private static final class Received {

		private final BitSet events = new BitSet();

		/** By ticket number: when its ticket.created first arrived, 0 before. */
		private long[] createdAt = new long[1024];

		synchronized boolean firstTime(int event) {
			if (this.events.get(event)) {
				return false;
			}
			this.events.set(event);
			return true;
		}

		synchronized void created(int ticket, long at) {
			if (ticket >= this.createdAt.length) {
				this.createdAt = Arrays.copyOf(this.createdAt, Math.max(ticket + 1, this.createdAt.length * 2));
			}
			if (this.createdAt[ticket] == 0) {
				this.createdAt[ticket] = at;
			}
		}

		synchronized long createdAt(int ticket) {
			return (ticket < this.createdAt.length) ? this.createdAt[ticket] : 0;
		}

	}

	private HttpRequest raise(String base, Api.User user, int i) {
		return HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
			.header("Authorization", "Bearer " + user.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Bench ticket " + i
					+ "\",\"description\":\"The laptop shows a black screen after the latest update; restarting did not help.\"}"))
			.build();
	}

	private HttpRequest read(String base, Api.User user, String ticket) {
		return get(base + "/api/tickets/" + ticket, user);
	}

	private HttpRequest get(String url, Api.User user) {
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + user.token()).GET().build();
	}

	/**
	 * The same transaction as a ticket write, run by pgbench on the platform's PostgreSQL
	 * with the same concurrency: the database's own ceiling for the write.
	 */
	private void pgbench(LocalPlatform platform, Api api, Result gatewayWrites, Result directWrites) {
		if (!Pgbench.available()) {
			line("pgbench: not on the PATH (Debian: apt-get install postgresql-client), ratio not measured");
			return;
		}
		// a tenant of its own, so pgbench's tickets stay out of the demo desk
		String slug = "pgbench-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "a long enough password";
		Api.Answer created = new Api(platform.service("TICKET")).post("/api/admin/tenants", PlatformTest.OPERATOR,
				Map.of("slug", slug, "name", "pgbench", "admin",
						Map.of("email", "admin@" + slug + ".example", "name", "pgbench", "password", password)));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		Api.User admin = api.login(slug, "admin@" + slug + ".example", password);
		int port = platform.ports.get("POSTGRES");
		UUID tenant = UUID.fromString(
				Pgbench.queryOne(port, "deskflow_ticket", "select id from tenants where slug = '" + slug + "'"));
		double rate = Pgbench.run(port, "deskflow_ticket",
				Pgbench.ticketWriteScript(tenant, UUID.fromString(admin.id()), slug), CONCURRENCY, 15);
		line("%-36s %6.0f tx/s (%d clients, 15 s)", "pgbench, the same transaction", rate, CONCURRENCY);
		line("  writes / pgbench: %.0f %% via gateway, %.0f %% direct", 100 * gatewayWrites.rate / rate,
				100 * directWrites.rate / rate);
	}

	/**
	 * A warm-up of a fifth of the requests, then the measured ones, CONCURRENCY at a
	 * time.
	 */
	private Result load(String name, IntFunction<HttpRequest> request) throws InterruptedException {
		run(REQUESTS / 5, request);
		ConcurrentHistogram latency = new ConcurrentHistogram(60_000_000L, 3);
		long start = System.nanoTime();
		int errors = run(REQUESTS, (i) -> request.apply(i), latency);
		double seconds = (System.nanoTime() - start) / 1e9;
		Result result = new Result(REQUESTS / seconds, latency.getValueAtPercentile(50),
				latency.getValueAtPercentile(95), latency.getValueAtPercentile(99), errors);
		line("%-36s %6.0f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  errors %d", name, result.rate,
				result.p50 / 1000.0, result.p95 / 1000.0, result.p99 / 1000.0, errors);
		return result;
	}

	private int run(int count, IntFunction<HttpRequest> request) throws InterruptedException {
		return run(count, request, new ConcurrentHistogram(60_000_000L, 3));
	}

	private int run(int count, IntFunction<HttpRequest> request, ConcurrentHistogram latency)
			throws InterruptedException {
		Semaphore slots = new Semaphore(CONCURRENCY);
		AtomicInteger errors = new AtomicInteger();
		for (int i = 0; i < count; i++) {
			slots.acquire();
			long started = System.nanoTime();
			this.http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					latency.recordValue((System.nanoTime() - started) / 1000);
					if (failure != null || response.statusCode() >= 300) {
						errors.incrementAndGet();
					}
					slots.release();
				});
		}
		slots.acquire(CONCURRENCY);
		return errors.get();
	}

	private void line(String format, Object... arguments) {
		String line = String.format(format, arguments);
		System.out.println(line);
		this.report.append(line).append(System.lineSeparator());
	}

	private record Result(double rate, long p50, long p95, long p99, int errors) {
	}

}
