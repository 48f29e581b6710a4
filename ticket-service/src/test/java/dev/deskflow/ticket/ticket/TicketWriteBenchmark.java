package dev.deskflow.ticket.ticket;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.deskflow.common.topic.Topics;
import dev.deskflow.ticket.TicketProperties;
import dev.deskflow.testsupport.CpuTime;
import dev.deskflow.testsupport.ThreadCpu;
import dev.deskflow.testsupport.Pgbench;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.testsupport.SharedServers;
import dev.deskflow.testsupport.Wrk;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of the ticket-service issue, measured in one run against real PostgreSQL,
 * Kafka and Redis (not part of {@code ./mvnw verify}: Surefire runs {@code *Test}
 * classes). Run: {@code ./mvnw -pl ticket-service test -Dtest=TicketWriteBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dwarmup=20000 -Drequests=8000
 * '-Dsurefire.jvm.args=-Xmx1g -XX:+UseSerialGC'}: the full JIT (the tests' default JVM
 * stops at C1) and the collector the launcher gives each service. Needs {@code pgbench}
 * on the PATH (Debian: {@code apt-get install postgresql-client}). Prints, and writes to
 * {@code target/benchmark-ticket-write.txt}:
 * <ul>
 * <li>ticket creation through HTTP (JWT, validation, ticket + history + outbox in one
 * tenant-bound transaction): throughput and p50/p99 latency;</li>
 * <li>the same requests from {@code wrk} (a load generator in C, when it is on the PATH),
 * whose load does not share the service's JVM, after a warm-up under wrk until the JIT
 * has settled; the CPU per ticket by thread group ({@code ThreadCpu});</li>
 * <li>the same transaction run by pgbench against the same PostgreSQL, in rounds that
 * alternate with wrk's ({@code -DwrkRounds}, {@code -DwrkSeconds}), and the ratio of the
 * two mean rates;</li>
 * <li>HTTP 201 → event read from Kafka (commit to Kafka plus a consumer's poll):
 * p50/p99;</li>
 * <li>commit → record appended on Kafka ({@code OutboxWindow}) under the JVM client,
 * under wrk, and under a paced wrk at about half wrk's rate: p50/p99; for each wrk round
 * also p99, max and the seconds that held the events over 50 ms;</li>
 * <li>p50/p99 of page 1 and page 1,000 of a 100,000-ticket tenant (keyset
 * pagination).</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.root=WARN", "deskflow.ticket.outbox.batch-size=500" })
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket_bench", kafka = true, redis = true)
class TicketWriteBenchmark {

	private static final int CONCURRENCY = 16;

	/** wrk's ticket. */
	private static final String BODY = "{\"subject\":\"Bench ticket\",\"description\":\"The laptop shows a black "
			+ "screen after the latest update; restarting did not help.\"}";

	/** Requests before measuring, enough for the JIT to settle ({@code -Dwarmup=}). */
	private static final int WARMUP = Integer.getInteger("warmup", 4000);

	private static final int REQUESTS = Integer.getInteger("requests", 6000);

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient database;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TicketProperties settings;

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private final StringBuilder report = new StringBuilder();

	@Test
	void measure() throws Exception {
		DeskFixture desk = DeskFixture.create(this.database, this.web, "bench");
		WebClient http = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((h) -> h.setBearerAuth(desk.customer))
			.build();
		line("Deskflow ticket-service benchmark, %s, %d cores, JDK %s, JVM options %s", Instant.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.version(),
				ManagementFactory.getRuntimeMXBean().getInputArguments());

		Map<String, Long> answeredAt = new ConcurrentHashMap<>();
		Map<String, Long> receivedAt = new ConcurrentHashMap<>();
		AtomicBoolean consuming = new AtomicBoolean(true);
		Thread consumer = startConsumer(receivedAt, consuming);

		create(http, WARMUP, null);
		stampAppendTime();
		OutboxWindow jvmClientWindow = new OutboxWindow();
		RelayBatches batches = new RelayBatches(this.meters);
		Histogram latency = new ConcurrentHistogram(3);
		long jvmCpu = CpuTime.thisJvmNanos();
		long postgresCpu = CpuTime.processesNanos("postgres");
		long started = System.nanoTime();
		create(http, REQUESTS, (id, nanos) -> {
			latency.recordValue(nanos / 1000);
			answeredAt.put(id, System.nanoTime());
		});
		double seconds = (System.nanoTime() - started) / 1e9;
		double serviceRate = REQUESTS / seconds;
		line("HTTP POST /api/tickets, %d requests, concurrency %d: %.0f tickets/s, p50 %.1f ms, p99 %.1f ms", REQUESTS,
				CONCURRENCY, serviceRate, latency.getValueAtPercentile(50) / 1000.0,
				latency.getValueAtPercentile(99) / 1000.0);
		line("CPU per ticket: this JVM (service, load client, Kafka broker) %.0f us, PostgreSQL %.0f us",
				(CpuTime.thisJvmNanos() - jvmCpu) / 1000.0 / REQUESTS,
				(CpuTime.processesNanos("postgres") - postgresCpu) / 1000.0 / REQUESTS);

		line("Outbox relay under this load (batch window %d ms): %s", this.settings.outbox().batchWindow().toMillis(),
				batches.since());

		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> receivedAt.keySet().containsAll(answeredAt.keySet()));
		consuming.set(false);
		consumer.join(5000);
		// an event read before its HTTP response was handled counts as 0 ms
		Histogram toKafka = new Histogram(3);
		answeredAt.forEach((id, answered) -> toKafka.recordValue(Math.max(0, (receivedAt.get(id) - answered) / 1000)));
		line("HTTP 201 -> event read from Kafka, %d events: p50 %.1f ms, p99 %.1f ms", toKafka.getTotalCount(),
				toKafka.getValueAtPercentile(50) / 1000.0, toKafka.getValueAtPercentile(99) / 1000.0);
		jvmClientWindow.close();
		Histogram appended = new Histogram(3);
		Histogram markedSent = new Histogram(3);
		jvmClientWindow.record(appended, markedSent);
		line("Under the JVM client, %s", OutboxWindow.describe(appended, markedSent));

		// the consumer has stopped: under wrk this JVM runs the service and the broker
		// only
		double pgbenchRate = wrkAgainstPgbench(desk);
		line("service / pgbench: %.0f %% (load from this JVM, against pgbench's mean rate)",
				100 * serviceRate / pgbenchRate);

		pages(desk);
		Path out = Path.of("target", "benchmark-ticket-write.txt");
		Files.writeString(out, this.report.toString());
		System.out.println(this.report);
		assertThat(latency.getTotalCount()).isEqualTo(REQUESTS);
	}

	/**
	 * The same requests from {@code wrk}, a load generator in C: the throughput of the
	 * service when the load client does not share its JVM, as pgbench's does not. After a
	 * warm-up under wrk, {@code -DwrkRounds=} (default 3) rounds of {@code -DwrkSeconds=}
	 * (default 20) of wrk, each followed by 15 s of pgbench and a wait until the relay
	 * has published pgbench's outbox rows, so that both rates are measured at the same
	 * speed of this machine, whose speed drifts by tens of percent over minutes. Without
	 * {@code wrk} (or with {@code -DwrkSeconds=0}) pgbench runs once.
	 * @return pgbench's mean rate
	 */
	private double wrkAgainstPgbench(DeskFixture desk) throws Exception {
		int seconds = Integer.getInteger("wrkSeconds", 20);
		int rounds = Integer.getInteger("wrkRounds", 3);
		if (seconds == 0 || !Wrk.available()) {
			line("wrk: not run (-DwrkSeconds=0, or no wrk on the PATH: apt-get install wrk)");
			double rate = pgbench(desk);
			line("pgbench, same transaction (tenant role + user check + ticket + history + outbox), %d clients: "
					+ "%.0f tx/s", CONCURRENCY, rate);
			return rate;
		}
		Map<String, String> headers = Map.of("Authorization", "Bearer " + desk.customer, "Content-Type",
				"application/json");
		warmUpForWrk(headers);
		RelayBatches batches = new RelayBatches(this.meters);
		Map<String, Long> threadNanos = new HashMap<>();
		long tickets = 0;
		long jvmNanos = 0;
		long postgresNanos = 0;
		double wrkRates = 0;
		double pgbenchRates = 0;
		Histogram toKafka = new Histogram(3);
		Histogram markedSent = new Histogram(3);
		for (int round = 1; round <= rounds; round++) {
			OutboxWindow window = new OutboxWindow();
			long jvmCpu = CpuTime.thisJvmNanos();
			long postgresCpu = CpuTime.processesNanos("postgres");
			ThreadCpu threads = ThreadCpu.now();
			Wrk.Result result = wrk(headers, seconds);
			ThreadCpu.now().since(threads).forEach((group, nanos) -> threadNanos.merge(group, nanos, Long::sum));
			jvmNanos += CpuTime.thisJvmNanos() - jvmCpu;
			postgresNanos += CpuTime.processesNanos("postgres") - postgresCpu;
			window.close();
			tickets += result.requests();
			assertThat(result.failed()).isZero();
			double pgbench = pgbench(desk);
			line("round %d: wrk POST /api/tickets, %d s, %d connections: %.0f tickets/s, p50 %.1f ms, p99 %.1f ms, "
					+ "failed %d; then pgbench, same transaction, %d clients: %.0f tx/s; service / pgbench %.0f %%",
					round, seconds, CONCURRENCY, result.perSecond(), result.p50Millis(), result.p99Millis(),
					result.failed(), CONCURRENCY, pgbench, 100 * result.perSecond() / pgbench);
			wrkRates += result.perSecond();
			pgbenchRates += pgbench;
			awaitRelayDrained();
			Histogram roundToKafka = new Histogram(3);
			window.record(roundToKafka, markedSent);
			toKafka.add(roundToKafka);
			line("  round %d, commit -> record appended on Kafka: p99 %.1f ms, max %.1f ms; %s", round,
					roundToKafka.getValueAtPercentile(99) / 1000.0, roundToKafka.getMaxValue() / 1000.0,
					window.slowest());
		}
		line("wrk, %d rounds: %.0f tickets/s on average; pgbench (tenant role + user check + ticket + history + "
				+ "outbox): %.0f tx/s on average; service / pgbench: %.0f %% (load from wrk)", rounds,
				wrkRates / rounds, pgbenchRates / rounds, 100 * wrkRates / pgbenchRates);
		line("CPU per ticket under wrk: this JVM (service, Kafka broker) %.0f us, PostgreSQL %.0f us",
				jvmNanos / 1000.0 / tickets, postgresNanos / 1000.0 / tickets);
		line("CPU per ticket under wrk by thread group of this JVM: %s", perTicket(threadNanos, tickets));
		line("Outbox relay (wrk and pgbench rounds): %s", batches.since());
		line("Under wrk, %s", OutboxWindow.describe(toKafka, markedSent));
		pacedOutboxLatency(headers, wrkRates / rounds);
		return pgbenchRates / rounds;
	}

	/**
	 * The tickets' outbox rows written between its creation and {@link #close()}, and
	 * their records on Kafka: from the commit of the ticket's transaction (PostgreSQL's
	 * {@code pg_xact_commit_timestamp} of the ticket row, which nothing updates later;
	 * the test cluster tracks commit timestamps) to the broker's appending the record
	 * ({@code LogAppendTime}, set on the topic by this benchmark), and to the relay's
	 * marking the row sent after Kafka acknowledged it ({@code sent_at}). Both clocks are
	 * this machine's.
	 */
	private final class OutboxWindow {

		private final Instant opened = Instant.now();

		private final long afterSeq = lastOutboxSeq();

		private final Map<TopicPartition, Long> from = endOffsets();

		private long untilSeq;

		/** Events over 50 ms from commit to Kafka, by the second of their commit. */
		private final Map<Long, Integer> slowBySecond = new TreeMap<>();

		/**
		 * Where the events over 50 ms were: how many, and the seconds with most of them.
		 */
		String slowest() {
			return String.format("round from %s: %d events over 50 ms, in %d seconds; most in %s",
					this.opened.toString().substring(11, 19),
					this.slowBySecond.values().stream().mapToInt(Integer::intValue).sum(), this.slowBySecond.size(),
					this.slowBySecond.entrySet()
						.stream()
						.sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
						.limit(5)
						.map((e) -> Instant.ofEpochSecond(e.getKey()).toString().substring(11, 19) + " (" + e.getValue()
								+ ")")
						.toList());
		}

		void close() {
			this.untilSeq = lastOutboxSeq();
		}

		/** Call once the relay has published the window's rows. */
		void record(Histogram appended, Histogram markedSent) {
			Map<String, Long> committedMicros = new HashMap<>();
			TicketWriteBenchmark.this.database
				.sql("select o.record_key, cast(extract(epoch from c.committed) * 1000000 as bigint) as committed, "
						+ "cast(extract(epoch from o.sent_at - c.committed) * 1000000 as bigint) as to_sent "
						+ "from outbox_events o join tickets t on t.id = cast(o.record_key as uuid) "
						+ "cross join lateral (select pg_xact_commit_timestamp(t.xmin) as committed) c "
						+ "where o.seq > :after and o.seq <= :until")
				.bind("after", this.afterSeq)
				.bind("until", this.untilSeq)
				.map((row) -> {
					committedMicros.put(row.get("record_key", String.class), row.get("committed", Long.class));
					return row.get("to_sent", Long.class);
				})
				.all()
				.doOnNext((micros) -> markedSent.recordValue(Math.max(0, micros)))
				.blockLast();
			try (KafkaConsumer<String, String> consumer = consumer()) {
				consumer.assign(this.from.keySet());
				this.from.forEach(consumer::seek);
				Map<TopicPartition, Long> end = consumer.endOffsets(this.from.keySet());
				while (end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())) {
					consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
						Long committed = committedMicros.remove(record.key());
						if (committed != null) {
							long micros = Math.max(0, record.timestamp() * 1000 - committed);
							appended.recordValue(micros);
							if (micros > 50_000) {
								this.slowBySecond.merge(committed / 1_000_000, 1, Integer::sum);
							}
						}
					});
				}
			}
		}

		static String describe(Histogram appended, Histogram markedSent) {
			return String.format(
					"%d events, commit -> record appended on Kafka: p50 %.1f ms, p99 %.1f ms; "
							+ "commit -> row marked sent: p50 %.1f ms, p99 %.1f ms",
					appended.getTotalCount(), appended.getValueAtPercentile(50) / 1000.0,
					appended.getValueAtPercentile(99) / 1000.0, markedSent.getValueAtPercentile(50) / 1000.0,
					markedSent.getValueAtPercentile(99) / 1000.0);
		}

	}

	private long lastOutboxSeq() {
		return this.database.sql("select coalesce(max(seq), 0) as seq from outbox_events")
			.map((row) -> row.get("seq", Long.class))
			.one()
			.block();
	}

	private Map<TopicPartition, Long> endOffsets() {
		try (KafkaConsumer<String, String> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKET_EVENTS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			return consumer.endOffsets(partitions);
		}
	}

	private KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
	}

	/**
	 * The broker stamps each record of the ticket events with the time it appended it.
	 */
	private void stampAppendTime() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.TICKET_EVENTS),
					List.of(new AlterConfigOp(
							new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"),
							AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
	}

	/**
	 * Commit to Kafka below the machine's limit: 30 s of wrk whose connections pause
	 * between requests, for about half the rate wrk reached unpaced. Under wrk's full
	 * load every thread, the relay's too, queues for the two cores.
	 */
	private void pacedOutboxLatency(Map<String, String> headers, double fullRate) {
		int pauseMillis = (int) Math.max(1, Math.round(CONCURRENCY * 1000 / (fullRate / 2) - 5));
		OutboxWindow window = new OutboxWindow();
		Wrk.Result result = Wrk.run("http://127.0.0.1:" + this.port + "/api/tickets", "POST", headers, BODY,
				CONCURRENCY, 30, pauseMillis);
		window.close();
		assertThat(result.failed()).isZero();
		awaitRelayDrained();
		Histogram appended = new Histogram(3);
		Histogram markedSent = new Histogram(3);
		window.record(appended, markedSent);
		line("Paced wrk (each connection pauses %d ms), 30 s: %.0f tickets/s, p50 %.1f ms, p99 %.1f ms; %s",
				pauseMillis, result.perSecond(), result.p50Millis(), result.p99Millis(),
				OutboxWindow.describe(appended, markedSent));
	}

	/** pgbench's outbox rows are published before the next round of wrk begins. */
	private void awaitRelayDrained() {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.database.sql("select count(*) as unsent from outbox_events where sent_at is null")
				.map((row) -> row.get("unsent", Long.class))
				.one()
				.block() == 0L);
	}

	private static double pgbench(DeskFixture desk) throws Exception {
		return Pgbench.run(SharedServers.postgres().port(), "deskflow_ticket_bench",
				Pgbench.ticketWriteScript(desk.tenantId, desk.customerId, desk.slug), CONCURRENCY, 15);
	}

	private Wrk.Result wrk(Map<String, String> headers, int seconds) {
		return Wrk.run("http://127.0.0.1:" + this.port + "/api/tickets", "POST", headers, BODY, CONCURRENCY, seconds);
	}

	/**
	 * The JVM client's warm-up leaves the JIT compiling again once wrk's requests arrive
	 * (the client's code stops, the server's profiles change): 15-s windows of wrk until
	 * the JIT compilers spend under 5 % of this JVM's CPU in one, at most
	 * {@code -DwrkWarmUpMinutes=} (default 3).
	 */
	private void warmUpForWrk(Map<String, String> headers) {
		long until = System.nanoTime() + Duration.ofMinutes(Integer.getInteger("wrkWarmUpMinutes", 3)).toNanos();
		int window = 0;
		while (System.nanoTime() < until) {
			long jvmCpu = CpuTime.thisJvmNanos();
			ThreadCpu threads = ThreadCpu.now();
			Wrk.Result result = wrk(headers, 15);
			long jit = ThreadCpu.now().since(threads).getOrDefault(ThreadCpu.JIT, 0L);
			double share = (double) jit / (CpuTime.thisJvmNanos() - jvmCpu);
			line("wrk warm-up window %d: %.0f tickets/s, JIT compilers %.0f %% of this JVM's CPU", ++window,
					result.perSecond(), 100 * share);
			if (share < 0.05) {
				return;
			}
		}
		line("wrk warm-up: the JIT was still compiling after %d windows", window);
	}

	/**
	 * @return the ten groups that spent most, in microseconds per ticket, the rest summed
	 */
	private static String perTicket(Map<String, Long> groups, long tickets) {
		StringBuilder text = new StringBuilder();
		long rest = 0;
		int shown = 0;
		List<Map.Entry<String, Long>> largestFirst = groups.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.toList();
		for (Map.Entry<String, Long> group : largestFirst) {
			if (shown++ < 10) {
				text.append(String.format("%s %.0f us, ", group.getKey(), group.getValue() / 1000.0 / tickets));
			}
			else {
				rest += group.getValue();
			}
		}
		return text.append(String.format("others %.0f us", rest / 1000.0 / tickets)).toString();
	}

	/**
	 * The outbox relay's batches from here on ({@code deskflow.outbox.batch.size}): how
	 * many events one drain published.
	 */
	private static final class RelayBatches {

		private final DistributionSummary summary;

		private final long count;

		private final double total;

		RelayBatches(MeterRegistry meters) {
			this.summary = meters.get("deskflow.outbox.batch.size").summary();
			this.count = this.summary.count();
			this.total = this.summary.totalAmount();
		}

		String since() {
			long batches = this.summary.count() - this.count;
			double events = this.summary.totalAmount() - this.total;
			return String.format("%d batches, %.1f events per batch", batches, (batches == 0) ? 0.0 : events / batches);
		}

	}

	private interface Sample {

		void record(String id, long nanos);

	}

	private void create(WebClient http, int count, Sample sample) {
		Flux.range(0, count).flatMap((i) -> {
			long start = System.nanoTime();
			return http.post()
				.uri("/api/tickets")
				.bodyValue(Map.of("subject", "Bench ticket " + i, "description",
						"The laptop shows a black screen after the latest update; restarting did not help. " + i))
				.retrieve()
				.bodyToMono(Map.class)
				.doOnNext((ticket) -> {
					if (sample != null) {
						sample.record((String) ticket.get("id"), System.nanoTime() - start);
					}
				});
		}, CONCURRENCY).blockLast(Duration.ofMinutes(10));
	}

	private Thread startConsumer(Map<String, Long> receivedAt, AtomicBoolean consuming) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
				new StringDeserializer(), new StringDeserializer());
		AtomicBoolean assigned = new AtomicBoolean();
		consumer.subscribe(List.of(Topics.TICKET_EVENTS), new ConsumerRebalanceListener() {

			@Override
			public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			}

			@Override
			public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
				assigned.set(!partitions.isEmpty());
			}

		});
		Thread thread = new Thread(() -> {
			try (consumer) {
				while (consuming.get()) {
					consumer.poll(Duration.ofMillis(5))
						.forEach((record) -> receivedAt.putIfAbsent(record.key(), System.nanoTime()));
				}
			}
		}, "bench-consumer");
		thread.start();
		// wait for the partition assignment so no event is missed
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilTrue(assigned);
		return thread;
	}

	private void pages(DeskFixture desk) {
		UUID tenant = UUID.randomUUID();
		UUID requester = UUID.randomUUID();
		this.database.sql("insert into tenants (id, slug, name) values (:id, :slug, 'Big tenant')")
			.bind("id", tenant)
			.bind("slug", "big-" + tenant.toString().substring(0, 8))
			.then()
			.then(this.database
				.sql("insert into users (id, tenant_id, email, name, password_hash, role) values (:id, :tenant, "
						+ "'agent@big.test', 'Agent', :hash, 'AGENT')")
				.bind("id", requester)
				.bind("tenant", tenant)
				.bind("hash", "unused")
				.then())
			.then(this.database
				.sql("insert into tickets (id, tenant_id, subject, description, status, priority, tags, "
						+ "requester_id, channel, created_at, updated_at, version) select gen_random_uuid(), :tenant, "
						+ "'Ticket ' || n, 'Body ' || n, 'OPEN', 'NORMAL', '{}', :requester, 'WEB', "
						+ "now() - make_interval(secs => n), now(), 0 from generate_series(1, 100000) n")
				.bind("tenant", tenant)
				.bind("requester", requester)
				.then())
			.then(this.database.sql("analyze tickets").then())
			.block(Duration.ofMinutes(5));
		// the position after 999 pages of 25, as the API's cursor encodes it
		Keyset page1000 = this.database
			.sql("select created_at, id from tickets where tenant_id = :tenant order by created_at desc, id desc "
					+ "offset 24974 limit 1")
			.bind("tenant", tenant)
			.map((row) -> new Keyset(row.get("created_at", Instant.class), row.get("id", UUID.class)))
			.one()
			.block();
		String token = new BenchToken(this.database, this.web).tokenFor(tenant, requester);
		WebClient http = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((h) -> h.setBearerAuth(token))
			.build();
		Histogram first = new Histogram(3);
		Histogram deep = new Histogram(3);
		// alternately, so that both pages meet the machine (autovacuum after the bulk
		// insert, the relay's pruning) at the same moments
		for (int i = 0; i < 300; i++) {
			timeList(http, "/api/tickets?limit=25", (i >= 50) ? first : null);
			timeList(http, "/api/tickets?limit=25&cursor=" + page1000.encode(), (i >= 50) ? deep : null);
		}
		line("List of a 100,000-ticket tenant, 25 per page: page 1 p50 %.1f ms p99 %.1f ms; page 1,000 p50 %.1f ms p99 %.1f ms",
				first.getValueAtPercentile(50) / 1000.0, first.getValueAtPercentile(99) / 1000.0,
				deep.getValueAtPercentile(50) / 1000.0, deep.getValueAtPercentile(99) / 1000.0);
	}

	/** One page, its time recorded unless the histogram is {@code null} (warm-up). */
	private static void timeList(WebClient http, String uri, Histogram histogram) {
		long start = System.nanoTime();
		Map<?, ?> page = http.get().uri(uri).retrieve().bodyToMono(Map.class).block();
		if (histogram != null) {
			histogram.recordValue((System.nanoTime() - start) / 1000);
		}
		assertThat((List<?>) page.get("items")).hasSize(25);
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(format, args)).append(System.lineSeparator());
	}

	/** Logs in a user of the big tenant, created with a known password. */
	private record BenchToken(DatabaseClient database, WebTestClient web) {

		String tokenFor(UUID tenant, UUID user) {
			String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4)
				.encode(DeskFixture.PASSWORD);
			String slug = this.database.sql("select slug from tenants where id = :id")
				.bind("id", tenant)
				.map((row) -> row.get(0, String.class))
				.one()
				.block();
			this.database.sql("update users set password_hash = :hash where id = :id")
				.bind("hash", hash)
				.bind("id", user)
				.then()
				.block();
			return (String) this.web.post()
				.uri("/api/auth/login")
				.bodyValue(Map.of("tenant", slug, "email", "agent@big.test", "password", DeskFixture.PASSWORD))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("accessToken");
		}

	}

}
