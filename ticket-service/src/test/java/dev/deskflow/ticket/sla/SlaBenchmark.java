package dev.deskflow.ticket.sla;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.ticket.TicketProperties;
import dev.deskflow.ticket.fixture.TenantDesk;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breach detection lag of the SLA scheduler with 10,000 open tickets, against real
 * PostgreSQL and Kafka (not part of {@code ./mvnw verify}: Surefire runs {@code *Test}
 * classes). Run: {@code ./mvnw -pl ticket-service test -Dtest=SlaBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. 10,000 open tickets have a running
 * first-response clock; 1,000 of them fall due one every 60 ms over a minute, the rest
 * tomorrow. Prints, and writes to {@code target/benchmark-sla.txt}, p50/p99 of due time →
 * {@code sla.breached} written (the clock's mark, committed with the outbox row) and due
 * time → record on Kafka (its producer timestamp), at the default 1 s poll.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.level.root=WARN")
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket_sla_bench", kafka = true, redis = true)
class SlaBenchmark {

	private static final int OPEN_TICKETS = 10_000;

	private static final int BREACHING = 1_000;

	private static final int SPACING_MILLIS = 60;

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient database;

	@Autowired
	TicketProperties properties;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void measuresBreachDetectionLagWithTenThousandOpenTickets() throws IOException {
		TenantDesk desk = TenantDesk.create(this.web, this.properties.identity().operatorToken(), "sla-bench");
		Map<?, ?> policy = this.web.post()
			.uri("/api/admin/sla/policies")
			.headers((h) -> h.setBearerAuth(desk.admin))
			.bodyValue(Map.of("name", "Bench", "order", 1, "priorities", List.of("NORMAL"), "firstResponseMinutes", 60,
					"atRiskMinutes", 10))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Instant firstDue = Instant.now().plusSeconds(15);
		this.database
			.sql("insert into tickets (id, tenant_id, subject, description, status, priority, tags, requester_id, "
					+ "channel, created_at, updated_at, version) select gen_random_uuid(), :tenant, 'Bench ' || i, "
					+ "'SLA benchmark', 'OPEN', 'NORMAL', '{}', :requester, 'WEB', now(), now(), 0 "
					+ "from generate_series(1, :count) i")
			.bind("tenant", desk.tenantId)
			.bind("requester", desk.customerId)
			.bind("count", OPEN_TICKETS)
			.then()
			.block();
		// at-risk already reported, so each due time yields exactly one breach
		this.database.sql("insert into sla_clocks (tenant_id, ticket_id, target, policy_id, started_at, state, due_at, "
				+ "at_risk_at, at_risk_notified_at, next_check_at) select tenant_id, id, 'FIRST_RESPONSE', :policy, "
				+ "now(), 'RUNNING', due, due, due, due from (select tenant_id, id, case when n <= :breaching "
				+ "then cast(:first as timestamptz) + (n - 1) * cast(:spacing as interval) "
				+ "else now() + interval '1 day' end as due from (select tenant_id, id, row_number() over (order by id) n "
				+ "from tickets where tenant_id = :tenant) numbered) clocks")
			.bind("policy", UUID.fromString((String) policy.get("id")))
			.bind("tenant", desk.tenantId)
			.bind("breaching", BREACHING)
			.bind("first", firstDue)
			.bind("spacing", SPACING_MILLIS + " milliseconds")
			.then()
			.block();
		this.database.sql("vacuum analyze sla_clocks").then().block();

		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.database
				.sql("select count(*) from sla_clocks where tenant_id = :tenant and breached_at is not null")
				.bind("tenant", desk.tenantId)
				.map((row) -> row.get(0, Long.class))
				.one()
				.block() == BREACHING);
		Map<String, Instant> due = new HashMap<>();
		List<Long> written = this.database
			.sql("select ticket_id, due_at, breached_at from sla_clocks where tenant_id = :tenant "
					+ "and breached_at is not null")
			.bind("tenant", desk.tenantId)
			.map((row) -> {
				Instant dueAt = row.get("due_at", Instant.class);
				due.put(row.get("ticket_id", UUID.class).toString(), dueAt);
				return Duration.between(dueAt, row.get("breached_at", Instant.class)).toMillis();
			})
			.all()
			.collectList()
			.block();
		List<ConsumerRecord<String, String>> records = KafkaRecords.awaitMatching(this.bootstrapServers,
				Topics.TICKET_EVENTS, (record) -> due.containsKey(record.key()), BREACHING, Duration.ofMinutes(2));
		List<Long> onKafka = records.stream()
			.map((record) -> record.timestamp() - due.get(record.key()).toEpochMilli())
			.collect(Collectors.toCollection(ArrayList::new));
		assertThat(written).hasSize(BREACHING).allSatisfy((lag) -> assertThat(lag).isNotNegative());
		assertThat(onKafka).hasSize(BREACHING);

		String report = String.format(
				"SLA breach detection, %,d open tickets, %,d breaching one every %d ms, poll 1 s:%n"
						+ "  due -> sla.breached written: p50 %d ms  p99 %d ms  max %d ms%n"
						+ "  due -> record on Kafka:      p50 %d ms  p99 %d ms  max %d ms%n",
				OPEN_TICKETS, BREACHING, SPACING_MILLIS, percentile(written, 50), percentile(written, 99),
				Collections.max(written), percentile(onKafka, 50), percentile(onKafka, 99), Collections.max(onKafka));
		Files.writeString(Path.of("target", "benchmark-sla.txt"), report);
		System.out.println(report);
	}

	private static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

}
