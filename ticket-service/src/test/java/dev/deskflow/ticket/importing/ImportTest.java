package dev.deskflow.ticket.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ImportTest extends DeskTest {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Autowired
	TenantTransactions transactions;

	TenantDesk acme;

	TenantDesk globex;

	@BeforeAll
	void desks() {
		this.acme = desk("import-acme");
		this.globex = desk("import-globex");
	}

	@Test
	void importsTheEndavaLayoutRejectingAnEmptyRowAndIsIdempotentOnReUpload() {
		Map<String, Object> job = finished(upload(this.acme.admin, "", fixture("endava.csv")));

		assertThat(job.get("status")).isEqualTo("SUCCEEDED");
		assertThat(job.get("layout")).isEqualTo("endava");
		assertThat(job).containsEntry("rowsRead", 4).containsEntry("accepted", 3).containsEntry("rejected", 1);
		assertThat(job.get("rejectedRows")).isEqualTo(List
			.of(Map.of("line", 4, "externalId", "e000000000000003", "reason", "neither a subject nor a description")));
		Map<String, Object> ticket = ticket(this.acme, "e000000000000002");
		assertThat(ticket).containsEntry("channel", "IMPORT")
			.containsEntry("category", "Access")
			.containsEntry("status", "CLOSED")
			.containsEntry("subject", "need access to shared finance folder for new");

		UUID ticketId = (UUID) ticket.get("id");
		EventEnvelope<?> event = new EventJson()
			.read(KafkaRecords
				.awaitMatching(this.bootstrapServers, Topics.TICKET_EVENTS,
						(record) -> ticketId.toString().equals(record.key()), 1, Duration.ofSeconds(30))
				.get(0)
				.value());
		assertThat(event.data()).isInstanceOfSatisfying(TicketCreated.class,
				(created) -> assertThat(created.channel()).isEqualTo(TicketChannel.IMPORT));

		Map<String, Object> again = finished(upload(this.acme.admin, "", fixture("endava.csv")));
		assertThat(again).containsEntry("accepted", 0).containsEntry("duplicates", 3).containsEntry("rejected", 1);
		assertThat(count(this.acme, "select count(*) from tickets where external_id like 'e0000000000000%'"))
			.isEqualTo(3);
	}

	@Test
	void importsTheOriginalEndavaAndHadoopLayouts() {
		Map<String, Object> original = finished(upload(this.acme.admin, "", fixture("endava-original.csv")));
		assertThat(original).containsEntry("layout", "endava-original")
			.containsEntry("accepted", 2)
			.containsEntry("rejected", 1);
		assertThat(ticket(this.acme, "o000000000000001")).containsEntry("priority", "URGENT")
			.containsEntry("subject", "vpn down");
		assertThat(ticket(this.acme, "o000000000000002").get("subject"))
			.isEqualTo("hi please approve requisitions for recruiter thanks");

		Map<String, Object> hadoop = finished(upload(this.acme.admin, "", fixture("hadoop.csv")));
		assertThat(hadoop).containsEntry("layout", "hadoop").containsEntry("accepted", 2).containsEntry("rejected", 2);
		List<Object> lines = ((List<?>) hadoop.get("rejectedRows")).stream()
			.map((row) -> (Object) ((Map<?, ?>) row).get("line"))
			.toList();
		assertThat(lines).isEqualTo(List.of(6, 7));
		Map<String, Object> bug = ticket(this.acme, "9000001");
		assertThat(bug).containsEntry("status", "SOLVED").containsEntry("priority", "HIGH");
		assertThat((String) bug.get("description")).contains("\njava.lang.NullPointerException");
		assertThat(instant(bug.get("created_at"))).isEqualTo(Instant.parse("2021-09-30T17:20:00Z"));
		assertThat(instant(bug.get("solved_at"))).isEqualTo(Instant.parse("2022-07-20T20:51:00Z"));
		assertThat(ticket(this.acme, "9000002")).containsEntry("description", "Typo in docs")
			.containsEntry("status", "OPEN")
			.containsEntry("priority", "LOW");
	}

	@Test
	void importsAnyLayoutThroughAColumnMapping() {
		Map<String, Object> job = finished(upload(this.acme.admin,
				"?mapping=externalId:Key,subject:Title,description:Text,priority:Prio,createdAt:Opened,tags:Labels",
				fixture("custom.csv")));
		assertThat(job).containsEntry("layout", "mapped").containsEntry("accepted", 2).containsEntry("rejected", 1);
		Map<String, Object> refund = ticket(this.acme, "C-2");
		assertThat(refund).containsEntry("priority", "URGENT");
		assertThat(instant(refund.get("created_at"))).isEqualTo(Instant.parse("2025-05-02T09:30:00Z"));

		assertProblem(upload(this.acme.admin, "?mapping=externalId:Key,description:Body", fixture("custom.csv")),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION)
			.jsonPath("$.errors[0].field")
			.isEqualTo("Body");
		for (String query : List.of("?mapping=subject:Title", "?mapping=colour:Key", "?layout=excel",
				"?layout=endava&mapping=externalId:Key,description:Text", "?format=xml")) {
			assertProblem(upload(this.acme.admin, query, fixture("custom.csv")), HttpStatus.BAD_REQUEST,
					ProblemTypes.VALIDATION);
		}
		assertProblem(upload(this.acme.admin, "", fixture("custom.csv")), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);
	}

	@Test
	void refusesFilesThatAreNotUtf8CsvBeforeImportingAnything() {
		long jobs = count(this.acme, "select count(*) from import_jobs");
		byte[] latin1 = "ticket_id,text,category\nx1,caf\u00e9 au lait machine broken,Hardware\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertProblem(upload(this.acme.admin, "", latin1), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION)
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("not UTF-8").contains("line 2"));
		byte[] utf16 = "ticket_id,text,category\nx1,text,Hardware\n".getBytes(StandardCharsets.UTF_16LE);
		assertProblem(upload(this.acme.admin, "", utf16), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		assertProblem(upload(this.acme.admin, "", new byte[0]), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		assertProblem(upload(this.acme.admin, "", "ticket_id,category\nx,y\n".getBytes(StandardCharsets.UTF_8)),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		assertThat(count(this.acme, "select count(*) from import_jobs")).isEqualTo(jobs);
	}

	@Test
	void rejectsAHugeFieldAsOneRowAndStopsAtBrokenCsvKeepingEarlierRows() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String huge = "ticket_id,text,category\n" + id + "-a,printer broken,Hardware\n" + id + "-b,"
				+ "x".repeat(10 * 1024 * 1024) + ",Hardware\n" + id + "-c,mouse broken,Hardware\n";
		Map<String, Object> job = finished(upload(this.acme.admin, "", huge.getBytes(StandardCharsets.UTF_8)));
		assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("accepted", 2).containsEntry("rejected", 1);
		assertThat((String) ((Map<?, ?>) ((List<?>) job.get("rejectedRows")).get(0)).get("reason"))
			.contains("longer than 20000");

		String broken = "ticket_id,text,category\n" + id + "-d,fine row,Hardware\n" + id
				+ "-e,\"never closed quote,Hardware\n";
		Map<String, Object> failed = finished(upload(this.acme.admin, "", broken.getBytes(StandardCharsets.UTF_8)));
		assertThat(failed).containsEntry("status", "FAILED").containsEntry("accepted", 1).containsEntry("rejected", 1);
		assertThat((String) failed.get("failure")).contains("line 3");
		assertThat(count(this.acme, "select count(*) from tickets where external_id like '" + id + "%'")).isEqualTo(3);
	}

	@Test
	@SuppressWarnings("unchecked")
	void ticketsImportedOpenGetSlaClocksAndHistoricalBreachesStayQuiet() {
		TenantDesk desk = desk("import-sla");
		this.web.post()
			.uri("/api/admin/sla/policies")
			.headers((h) -> h.setBearerAuth(desk.admin))
			.bodyValue(Map.of("name", "High", "order", 1, "priorities", List.of("HIGH"), "firstResponseMinutes", 60,
					"resolutionMinutes", 480, "atRiskMinutes", 15))
			.exchange()
			.expectStatus()
			.isCreated();
		Instant now = Instant.now();
		Instant opened = now.minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
		String csv = "Key,Title,Text,Prio,State,Opened\n" + "old,Outage,Down since last year,high,open,"
				+ now.minus(Duration.ofDays(400)) + "\nfresh,Add a user,Please,high,new," + opened
				+ "\ndone,Printer,Fixed,high,solved," + now.minus(Duration.ofDays(2)) + "\n";
		Map<String, Object> job = finished(desk.admin,
				upload(desk.admin, "?mapping=externalId:Key,subject:Title,description:Text,priority:Prio,status:State,"
						+ "createdAt:Opened", csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(job).containsEntry("accepted", 3);
		String old = ticket(desk, "old").get("id").toString();
		String fresh = ticket(desk, "fresh").get("id").toString();
		String done = ticket(desk, "done").get("id").toString();

		Map<String, Map<String, Object>> oldSla = sla(desk, old);
		assertThat(oldSla.get("firstResponse")).containsEntry("breached", true);
		assertThat(oldSla.get("resolution")).containsEntry("breached", true);
		Map<String, Map<String, Object>> freshSla = sla(desk, fresh);
		assertThat(freshSla.get("firstResponse")).containsEntry("breached", false).containsEntry("atRisk", false);
		assertThat(Instant.parse((String) freshSla.get("firstResponse").get("dueAt")))
			.isEqualTo(opened.plus(Duration.ofMinutes(60)));
		this.web.get()
			.uri("/api/tickets/{id}/sla", done)
			.headers((h) -> h.setBearerAuth(desk.agent))
			.exchange()
			.expectBody()
			.jsonPath("$.applies")
			.isEqualTo(false)
			.jsonPath("$.firstResponse")
			.doesNotExist();
		assertThat(count(desk,
				"select count(*) from sla_clocks where ticket_id = '" + old
						+ "' and breached_at is not null and next_check_at is null"))
			.as("marked breached, nothing left to report")
			.isEqualTo(2);
		Map<String, Object> breachedView = this.web.get()
			.uri("/api/tickets?sla=breached")
			.headers((h) -> h.setBearerAuth(desk.agent))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<Map<String, Object>>) breachedView.get("items")).extracting((item) -> item.get("id"))
			.containsExactly(old);

		// the fresh ticket's breach after the import is reported; the old one's never was
		this.database
			.sql("update sla_clocks set due_at = due_at - interval '2 hours', at_risk_at = at_risk_at - "
					+ "interval '2 hours', next_check_at = next_check_at - interval '2 hours' where ticket_id = :id")
			.bind("id", UUID.fromString(fresh))
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outboxCount(fresh, "sla.breached")).isEqualTo(1));
		assertThat(outboxCount(old, "sla.breached")).isZero();
		assertThat(outboxCount(old, "sla.at-risk")).isZero();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> sla(TenantDesk desk, String ticketId) {
		return this.web.get()
			.uri("/api/tickets/{id}/sla", ticketId)
			.headers((h) -> h.setBearerAuth(desk.agent))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void onlyTheTenantsAdminsImportAndSeeJobs() {
		byte[] file = fixture("endava.csv");
		assertProblem(upload(this.acme.agent, "", file), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		assertProblem(upload(this.acme.customer, "", file), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		assertProblem(upload(null, "", file), HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED);

		Map<String, Object> job = finished(this.globex.admin, upload(this.globex.admin, "", file));
		String path = "/api/admin/imports/" + job.get("id");
		assertProblem(read(this.acme.admin, path), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		assertProblem(read(this.globex.agent, path), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		// row-level security alone hides another tenant's jobs and rejected rows
		this.transactions
			.inTenant(this.acme.tenantId,
					() -> this.database
						.sql("select (select count(*) from import_jobs where id = :id) "
								+ "+ (select count(*) from import_rejections where job_id = :id)")
						.bind("id", UUID.fromString((String) job.get("id")))
						.map((row) -> row.get(0, Long.class))
						.one())
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
	}

	private Map<String, Object> finished(WebTestClient.ResponseSpec started) {
		return finished(this.acme.admin, started);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> finished(String token, WebTestClient.ResponseSpec started) {
		String location = started.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		return (Map<String, Object>) await().atMost(Duration.ofSeconds(60))
			.until(() -> read(token, location).expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody(), (job) -> !"RUNNING".equals(job.get("status")));
	}

	private WebTestClient.ResponseSpec upload(String token, String query, byte[] body) {
		return this.web.post().uri("/api/admin/imports" + query).contentType(CSV).headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec read(String token, String path) {
		return this.web.get().uri(path).headers((h) -> h.setBearerAuth(token)).exchange();
	}

	private Map<String, Object> ticket(TenantDesk desk, String externalId) {
		return this.database.sql("select * from tickets where tenant_id = :tenantId and external_id = :externalId")
			.bind("tenantId", desk.tenantId)
			.bind("externalId", externalId)
			.fetch()
			.one()
			.block();
	}

	private long count(TenantDesk desk, String sql) {
		return this.transactions
			.inTenant(desk.tenantId, () -> this.database.sql(sql).map((row) -> row.get(0, Long.class)).one())
			.block();
	}

	private static Instant instant(Object timestamp) {
		return ((OffsetDateTime) timestamp).toInstant();
	}

	private static byte[] fixture(String name) {
		try (InputStream in = ImportTest.class.getResourceAsStream("/imports/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
