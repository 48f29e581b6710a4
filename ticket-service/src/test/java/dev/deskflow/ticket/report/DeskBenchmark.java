package dev.deskflow.ticket.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.testsupport.RealServers;
import dev.deskflow.ticket.TicketProperties;
import dev.deskflow.ticket.fixture.TenantDesk;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figures of the desk issue's reports and import, against real PostgreSQL, Kafka and
 * Redis (not part of {@code ./mvnw verify}: Surefire runs {@code *Test} classes). Run:
 * {@code ./mvnw -pl ticket-service test -Dtest=DeskBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints, and writes to
 * {@code target/benchmark-desk.txt}:
 * <ul>
 * <li>p50/p99 latency through HTTP of every report over 30 and 365 days, in Europe/Berlin
 * and Asia/Kolkata, for one tenant with 1,000,000 tickets (generated with
 * {@code generate_series}; the triggers append their rollup deltas, which are then folded
 * and timed), with the Redis cache effectively off (1 ms);</li>
 * <li>the rows/s of importing a 100,000-row CSV in the Endava layout.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.root=WARN", "deskflow.ticket.reports.cache-ttl=1ms" })
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket_bench", kafka = true, redis = true)
class DeskBenchmark {

	private static final int TICKETS = 1_000_000;

	private static final int IMPORT_ROWS = 100_000;

	private static final int RUNS = 30;

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient database;

	@Autowired
	TicketProperties properties;

	@Autowired
	RollupCompactor compactor;

	private final StringBuilder report = new StringBuilder();

	@Test
	void measuresReportsAtAMillionTicketsAndImportThroughput() throws IOException {
		WebTestClient web = this.web.mutate().responseTimeout(Duration.ofMinutes(5)).build();
		TenantDesk desk = TenantDesk.create(web, this.properties.identity().operatorToken(), "bench");
		long started = System.nanoTime();
		generate(desk);
		line("generated %,d tickets (+ ratings, + their rollup deltas through the triggers) in %.1f s", TICKETS,
				(System.nanoTime() - started) / 1e9);
		started = System.nanoTime();
		fold();
		line("folded the deltas into %,d rollup rows and vacuumed in %.1f s",
				count("select count(*) from report_rollup"), (System.nanoTime() - started) / 1e9);

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int days : List.of(30, 365)) {
			for (String zone : List.of("Europe/Berlin", "Asia/Kolkata")) {
				measureReports(web, desk, "from=" + today.minusDays(days - 1) + "&to=" + today + "&tz=" + zone,
						days + " days " + zone);
			}
		}
		measureImport(web, desk);
		Path out = Path.of("target", "benchmark-desk.txt");
		Files.writeString(out, this.report.toString());
		System.out.println(this.report);
	}

	/** Folds every delta (the scheduled compactor may hold the lock meanwhile). */
	private void fold() {
		await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.compactor.compact().block();
			return count("select count(*) from report_deltas") == 0;
		});
		this.database.sql("vacuum analyze report_rollup").then().block(Duration.ofMinutes(10));
	}

	private long count(String sql) {
		return this.database.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

	private void measureReports(WebTestClient web, TenantDesk desk, String range, String label) {
		for (ReportName name : ReportName.values()) {
			List<Long> micros = new ArrayList<>();
			for (int i = 0; i < RUNS + 3; i++) {
				long start = System.nanoTime();
				web.get()
					.uri("/api/admin/reports/" + name.path() + "?" + range)
					.headers((h) -> h.setBearerAuth(desk.admin))
					.exchange()
					.expectStatus()
					.isOk()
					.expectHeader()
					.valueEquals(ReportController.CACHE_HEADER, "MISS")
					.expectBody()
					.returnResult();
				if (i >= 3) { // warm-up
					micros.add((System.nanoTime() - start) / 1000);
				}
			}
			line("report %-9s %-26s p50 %6.1f ms  p99 %6.1f ms", name.path(), label, percentile(micros, 50),
					percentile(micros, 99));
		}
	}

	private void measureImport(WebTestClient web, TenantDesk desk) {
		StringBuilder csv = new StringBuilder("ticket_id,text,category\n");
		String[] words = { "laptop", "screen", "access", "folder", "password", "reset", "printer", "vpn", "mail",
				"please", "thanks", "broken", "request", "new", "starter", "monitor", "cable", "meeting" };
		for (int row = 0; row < IMPORT_ROWS; row++) {
			csv.append("bench-").append(row).append(',');
			for (int word = 0; word < 20; word++) {
				csv.append(words[(row * 7 + word * 13) % words.length]).append(' ');
			}
			csv.append(",Hardware\n");
		}
		byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
		long start = System.nanoTime();
		String location = web.post()
			.uri("/api/admin/imports")
			.contentType(MediaType.parseMediaType("text/csv"))
			.headers((h) -> h.setBearerAuth(desk.admin))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		Map<?, ?> job = await().atMost(Duration.ofMinutes(15))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> web.get()
				.uri(location)
				.headers((h) -> h.setBearerAuth(desk.admin))
				.exchange()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody(), (state) -> !"RUNNING".equals(state.get("status")));
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(job.get("accepted")).isEqualTo(IMPORT_ROWS);
		line("import of %,d rows (%.1f MB, Endava layout): %.1f s, %,.0f rows/s (upload, checks, tickets + history "
				+ "+ outbox events)", IMPORT_ROWS, body.length / 1e6, seconds, IMPORT_ROWS / seconds);
	}

	private void generate(TenantDesk desk) {
		UUID tenant = desk.tenantId;
		run("insert into users (id, tenant_id, email, name, password_hash, role) select gen_random_uuid(), :tenant, "
				+ "'bench-agent-' || n || '@bench.test', 'Agent ' || n, 'x', 'AGENT' from generate_series(1, 10) n",
				tenant);
		for (int chunk = 0; chunk < 10; chunk++) {
			this.database
				.sql("""
						with agents as (select array_agg(id) as ids from users where tenant_id = :tenant and role = 'AGENT'),
						rows as (
						    select n, now() - (random() * interval '365 days') as created,
						           (array['NEW','OPEN','PENDING','SOLVED','CLOSED','CLOSED','CLOSED','SOLVED'])[1 + n % 8] as status
						    from generate_series(:first, :last) as n)
						insert into tickets (id, tenant_id, subject, description, status, priority, category, requester_id,
						    assignee_id, channel, created_at, updated_at, first_responded_at, solved_at)
						select gen_random_uuid(), :tenant, 'Ticket ' || n, 'Generated ticket', status,
						       (array['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + n % 5],
						       (array['Hardware','Access','Billing','HR','Storage','Purchase','Network','Other'])[1 + n % 8],
						       :requester, case when n % 10 = 0 then null else agents.ids[1 + n % 10] end,
						       (array['WEB','EMAIL','API','PHONE','IMPORT'])[1 + n % 5], created, created,
						       case when status = 'NEW' then null else created + random() * interval '48 hours' end,
						       case when status in ('SOLVED','CLOSED') then created + interval '1 hour' + random() * interval '10 days' end
						from rows, agents""")
				.bind("tenant", tenant)
				.bind("requester", desk.customerId)
				.bind("first", chunk * (TICKETS / 10) + 1)
				.bind("last", (chunk + 1) * (TICKETS / 10))
				.then()
				.block(Duration.ofMinutes(10));
		}
		run("insert into ticket_ratings (ticket_id, tenant_id, rater_id, agent_id, score, rated_at) "
				+ "select id, tenant_id, requester_id, assignee_id, case when random() < 0.8 then 'GOOD' else 'BAD' end, "
				+ "solved_at + interval '1 hour' from tickets where tenant_id = :tenant and solved_at is not null "
				+ "and random() < 0.3", tenant);
		this.database.sql("vacuum analyze tickets").then().block(Duration.ofMinutes(10));
		this.database.sql("vacuum analyze ticket_ratings").then().block(Duration.ofMinutes(10));
	}

	private void run(String sql, UUID tenant) {
		this.database.sql(sql).bind("tenant", tenant).then().block(Duration.ofMinutes(10));
	}

	private void line(String format, Object... args) {
		String text = String.format(format, args);
		System.out.println(text);
		this.report.append(text).append('\n');
	}

	private static double percentile(List<Long> micros, int percent) {
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1000.0;
	}

}
