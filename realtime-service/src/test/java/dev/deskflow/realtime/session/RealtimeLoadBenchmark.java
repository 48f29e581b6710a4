package dev.deskflow.realtime.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.TicketCommented;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.realtime.bench.LoadClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtime-service issue's figures (not part of {@code ./mvnw verify}: Surefire runs
 * {@code *Test} classes). Run: {@code ./mvnw -pl realtime-service test
 * -Dtest=RealtimeLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (options:
 * {@code -Dbench.sessions=10000 -Dbench.rate=1000 -Dbench.seconds=30}).
 * <p>
 * One realtime-service in this JVM on the real Kafka and Redis; {@link LoadClient} in a
 * second JVM holds the sockets (100 tenants; per tenant a tenth of the sockets follow the
 * queue, the rest one ticket each). Events go to Kafka at a steady rate, half new tickets
 * (to the queue followers), half public replies on followed tickets (to the queue and one
 * follower). Prints the sockets held, heap per socket, and the delay from the event's
 * {@code createdAt} (set when it is sent to Kafka) to its receipt by the client: p50, p99
 * and max, after a warm-up. Writes the same to {@code target/benchmark-realtime.txt}.
 */
// connect tickets are issued up front, before the client JVM starts
@TestPropertySource(properties = { "logging.level.root=WARN", "deskflow.realtime.connect-tickets.ttl=15m" })
class RealtimeLoadBenchmark extends RealtimeTestBase {

	private static final int TENANTS = 100;

	@Autowired
	ConnectTickets tickets;

	@Autowired
	Sessions sessions;

	@Test
	void holdsTheSocketsAndMeasuresTheDelay() throws Exception {
		int total = Integer.getInteger("bench.sessions", 10_000);
		int rate = Integer.getInteger("bench.rate", 1000);
		int seconds = Integer.getInteger("bench.seconds", 30);
		int perTenant = total / TENANTS;
		int queueFollowers = Math.max(1, perTenant / 10);

		List<String> tenants = new ArrayList<>();
		List<List<UUID>> followed = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		Instant expires = Instant.now().plus(Duration.ofHours(1));
		for (int t = 0; t < TENANTS; t++) {
			String tenant = tenant("load" + t);
			tenants.add(tenant);
			List<UUID> ticketsOfTenant = new ArrayList<>();
			for (int s = 0; s < perTenant; s++) {
				String channel = "queue";
				if (s >= queueFollowers) {
					UUID ticket = UUID.randomUUID();
					ticketsOfTenant.add(ticket);
					channel = "ticket:" + ticket;
				}
				SessionIdentity agent = new SessionIdentity(UUID.randomUUID(), TenantId.of(tenant), UUID.randomUUID(),
						Role.AGENT, expires);
				lines.add(this.tickets.issue(agent).block() + " " + channel);
			}
			followed.add(ticketsOfTenant);
		}
		Path ticketFile = Files.createTempFile("realtime-load", ".txt");
		Files.write(ticketFile, lines);

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long heapBefore = usedHeapAfterGc(memory);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Process client = new ProcessBuilder(java, "-Xmx1g", "-cp", classpath, LoadClient.class.getName(),
				Integer.toString(this.port), ticketFile.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader fromClient = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
		PrintWriter toClient = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
		String ready = awaitLine(fromClient, "READY");
		int held = this.sessions.size();
		long heapAfter = usedHeapAfterGc(memory);

		ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
		AtomicLong sent = new AtomicLong();
		int perTick = Math.max(1, rate / 100);
		publisher.scheduleAtFixedRate(() -> {
			for (int i = 0; i < perTick; i++) {
				int t = ThreadLocalRandom.current().nextInt(TENANTS);
				List<UUID> ticketsOfTenant = followed.get(t);
				DeskflowEvent event = (ticketsOfTenant.isEmpty() || ThreadLocalRandom.current().nextBoolean())
						? RealtimeSessionsTest.created(UUID.randomUUID(), UUID.randomUUID())
						: new TicketCommented(
								ticketsOfTenant.get(ThreadLocalRandom.current().nextInt(ticketsOfTenant.size())),
								UUID.randomUUID(), UUID.randomUUID(), Role.AGENT, "A public reply", false,
								Instant.now());
				EventEnvelope<?> envelope = EventEnvelope.of("/ticket-service", TenantId.of(tenants.get(t)), event);
				this.kafka.send(Topics.of(event), envelope.subject(), EVENTS.writeString(envelope));
				sent.incrementAndGet();
			}
		}, 0, 10, TimeUnit.MILLISECONDS);
		TimeUnit.SECONDS.sleep(10);
		toClient.println("RESET");
		awaitLine(fromClient, "RESET");
		long sentBefore = sent.get();
		TimeUnit.SECONDS.sleep(seconds);
		long measured = sent.get() - sentBefore;
		publisher.shutdownNow();
		toClient.close();
		String result = awaitLine(fromClient, "RESULT");
		client.waitFor(30, TimeUnit.SECONDS);

		String report = String.format("""
				realtime-service load, %s, %d cores, one instance, client in a second JVM
				  sockets held: %d of %d (%s)
				  heap per socket: %.1f KiB (%.0f MiB for all, after GC)
				  events sent: %.0f/s for %d s after a 10 s warm-up
				  client: %s
				""", Instant.now(), Runtime.getRuntime().availableProcessors(), held, total, ready,
				(heapAfter - heapBefore) / 1024.0 / Math.max(1, held), (heapAfter - heapBefore) / 1024.0 / 1024.0,
				measured / (double) seconds, seconds, result);
		System.out.println(report);
		Files.writeString(Path.of("target", "benchmark-realtime.txt"), report);
		assertThat(result).startsWith("RESULT").endsWith("failed=0");
		assertThat(held).isEqualTo(total);
	}

	private static long usedHeapAfterGc(MemoryMXBean memory) {
		System.gc();
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static String awaitLine(BufferedReader reader, String prefix) throws IOException {
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith(prefix)) {
				return line;
			}
		}
		throw new IllegalStateException("the load client ended before " + prefix);
	}

}
