package dev.deskflow.ticket.ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.TicketCommented;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketApiTest {

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient database;

	@Autowired
	TenantTransactions tenants;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	DeskFixture acme;

	DeskFixture globex;

	@BeforeAll
	void desks() {
		this.acme = DeskFixture.create(this.database, this.web, "acme");
		this.globex = DeskFixture.create(this.database, this.web, "globex");
	}

	@Test
	void aCustomerRaisesATicketAndReadsItBackWithItsVersion() {
		Map<?, ?> created = raise(this.acme.customer, "Laptop will not boot", "Black screen after the update");

		assertThat(created.get("status")).isEqualTo("NEW");
		assertThat(created.get("priority")).isEqualTo("NORMAL");
		assertThat(created.get("channel")).isEqualTo("WEB");
		assertThat(created.get("requesterId")).isEqualTo(this.acme.customerId.toString());
		this.web.get()
			.uri("/api/tickets/{id}", created.get("id"))
			.headers((h) -> h.setBearerAuth(this.acme.customer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"0\"")
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("Laptop will not boot");
	}

	@Test
	void anotherCustomersOrAnotherTenantsTicketAnswers404OnEveryPath() {
		String id = (String) raise(this.acme.customer, "Private matter", "Only mine").get("id");
		for (String token : List.of(this.acme.otherCustomer, this.globex.agent, this.globex.customer)) {
			for (String path : List.of("/api/tickets/" + id, "/api/tickets/" + id + "/comments",
					"/api/tickets/" + id + "/history")) {
				this.web.get()
					.uri(path)
					.headers((h) -> h.setBearerAuth(token))
					.exchange()
					.expectStatus()
					.isNotFound()
					.expectHeader()
					.contentType("application/problem+json");
			}
			this.web.patch()
				.uri("/api/tickets/{id}", id)
				.headers((h) -> h.setBearerAuth(token))
				.header("If-Match", "\"0\"")
				.bodyValue(Map.of("status", "CLOSED"))
				.exchange()
				.expectStatus()
				.isNotFound();
			this.web.post()
				.uri("/api/tickets/{id}/comments", id)
				.headers((h) -> h.setBearerAuth(token))
				.bodyValue(Map.of("body", "sneaky"))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
	}

	@Test
	void aCustomerNeverSeesAnInternalNote() {
		String id = (String) raise(this.acme.customer, "VPN drops", "Every ten minutes").get("id");
		reply(this.acme.agent, id, "Customer sounds annoyed, escalate quietly", true).expectStatus().isCreated();
		reply(this.acme.agent, id, "Please try the new client", false).expectStatus().isCreated();

		List<?> customerView = comments(this.acme.customer, id);
		List<?> agentView = comments(this.acme.agent, id);

		assertThat(customerView).hasSize(1);
		assertThat(customerView.toString()).contains("Please try the new client").doesNotContain("escalate quietly");
		assertThat(agentView).hasSize(2);
		Map<?, ?> customerHistory = getOk(this.acme.customer, "/api/tickets/{id}/history", id);
		assertThat(customerHistory.toString()).doesNotContain("noted");
		assertThat(this.web.get()
			.uri("/api/tickets?q=escalate")
			.headers((h) -> h.setBearerAuth(this.acme.customer))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items")).asList().isEmpty();
		reply(this.acme.customer, id, "secret note attempt", true).expectStatus().isBadRequest();
	}

	@Test
	void changesNeedTheVersionThatWasRead() {
		String id = (String) raise(this.acme.customer, "Printer jam", "Tray 2").get("id");
		Map<String, Object> change = Map.of("priority", "HIGH", "assigneeId", this.acme.agentId.toString());

		this.web.patch()
			.uri("/api/tickets/{id}", id)
			.headers((h) -> h.setBearerAuth(this.acme.agent))
			.bodyValue(change)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_REQUIRED)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/precondition-required");
		patch(this.acme.agent, id, "\"0\"", change).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.priority")
			.isEqualTo("HIGH")
			.jsonPath("$.assigneeId")
			.isEqualTo(this.acme.agentId.toString());
		patch(this.acme.agent, id, "\"0\"", Map.of("priority", "LOW")).expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_FAILED)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/precondition-failed");
	}

	@Test
	void followsTheLifecycleAndLimitsWhatCustomersChange() {
		String id = (String) raise(this.acme.customer, "Password reset", "Locked out").get("id");
		patch(this.acme.agent, id, "\"0\"", Map.of("status", "CLOSED")).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		patch(this.acme.customer, id, "\"0\"", Map.of("priority", "URGENT")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("priority");
		patch(this.acme.agent, id, "\"0\"", Map.of("status", "SOLVED")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.solvedAt")
			.isNotEmpty();
		patch(this.acme.customer, id, "\"1\"", Map.of("status", "OPEN")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OPEN");
	}

	@Test
	void aStaffReplyCountsAsTheFirstResponseAndACustomerReplyReopens() {
		String id = (String) raise(this.acme.customer, "Monitor flicker", "At 60Hz").get("id");
		reply(this.acme.agent, id, "Which cable do you use?", false).expectStatus().isCreated();
		Map<?, ?> afterAgent = read(this.acme.agent, id);
		assertThat(afterAgent.get("status")).isEqualTo("OPEN");
		assertThat(afterAgent.get("firstRespondedAt")).isNotNull();
		patch(this.acme.agent, id, "\"" + afterAgent.get("version") + "\"", Map.of("status", "PENDING")).expectStatus()
			.isOk();
		reply(this.acme.customer, id, "HDMI", false).expectStatus().isCreated();
		assertThat(read(this.acme.agent, id).get("status")).isEqualTo("OPEN");
	}

	@Test
	void pagesThroughAFilteredQueueWithoutGapsOrRepeats() {
		String tag = "batch" + UUID.randomUUID().toString().substring(0, 6);
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add((String) this.web.post()
				.uri("/api/tickets")
				.headers((h) -> h.setBearerAuth(this.acme.customer))
				.bodyValue(Map.of("subject", "Batch " + i, "description", "Item " + i, "tags", List.of(tag)))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id"));
		}
		List<Object> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String uri = "/api/tickets?tag=" + tag + "&limit=3" + ((cursor != null) ? "&cursor=" + cursor : "");
			Map<?, ?> page = getOk(this.acme.agent, uri);
			((List<?>) page.get("items")).forEach((item) -> seen.add(((Map<?, ?>) item).get("id")));
			cursor = (String) page.get("nextCursor");
			pages++;
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(3);
		List<String> newestFirst = new ArrayList<>(created);
		java.util.Collections.reverse(newestFirst);
		assertThat(seen).containsExactlyElementsOf(newestFirst);
		this.web.get()
			.uri("/api/tickets?status=BOGUS&limit=500&colour=red")
			.headers((h) -> h.setBearerAuth(this.acme.agent))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(3);
	}

	@Test
	void findsTicketsByWordsOfTheirPublicReplies() {
		String word = "zeppelin" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
		String id = (String) raise(this.acme.customer, "Odd noise", "From the server room").get("id");
		reply(this.acme.agent, id, "Sounds like a " + word + " in the fan", false).expectStatus().isCreated();

		Map<?, ?> found = getOk(this.acme.agent, "/api/tickets?q=" + word);
		List<Object> ids = new ArrayList<>();
		((List<?>) found.get("items")).forEach((item) -> ids.add(((Map<?, ?>) item).get("id")));
		assertThat(ids).containsExactly(id);
	}

	@Test
	void rejectsInvalidTicketsListingEveryField() {
		this.web.post()
			.uri("/api/tickets")
			.headers((h) -> h.setBearerAuth(this.acme.customer))
			.bodyValue(Map.of("subject", "", "description", "x".repeat(20_001), "requesterId",
					this.acme.otherCustomerId.toString()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'subject')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'description')]")
			.exists();
		this.web.post()
			.uri("/api/tickets")
			.headers((h) -> h.setBearerAuth(this.acme.customer))
			.bodyValue(
					Map.of("subject", "Mine", "description", "d", "requesterId", this.acme.otherCustomerId.toString()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("requesterId");
		this.web.get()
			.uri("/api/tickets/not-a-uuid")
			.headers((h) -> h.setBearerAuth(this.acme.customer))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.web.get().uri("/api/tickets").exchange().expectStatus().isUnauthorized();
	}

	/**
	 * The requester check runs in the statement that writes the ticket: a requester who
	 * is not an active user of the tenant writes no ticket, history entry or event.
	 */
	@Test
	void staffNameOnlyActiveUsersOfTheirTenantAsRequester() {
		String subject = "Requester check " + UUID.randomUUID();
		for (UUID requester : List.of(this.globex.customerId, UUID.randomUUID())) {
			this.web.post()
				.uri("/api/tickets")
				.headers((h) -> h.setBearerAuth(this.acme.agent))
				.bodyValue(Map.of("subject", subject, "description", "d", "requesterId", requester.toString()))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("requesterId")
				.jsonPath("$.errors[0].message")
				.isEqualTo("no such active user in this tenant");
		}
		UUID deactivated = UUID.randomUUID();
		DeskFixture.user(this.database, this.acme, deactivated, "gone", "CUSTOMER")
			.then(this.database.sql("update users set active = false where id = :id").bind("id", deactivated).then())
			.block();
		this.web.post()
			.uri("/api/tickets")
			.headers((h) -> h.setBearerAuth(this.acme.agent))
			.bodyValue(Map.of("subject", subject, "description", "d", "requesterId", deactivated.toString()))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(count("select count(*) from tickets where subject = :text", subject)).isZero();
		assertThat(count("select count(*) from outbox_events where payload like :text", "%" + subject + "%")).isZero();

		Map<?, ?> raised = this.web.post()
			.uri("/api/tickets")
			.headers((h) -> h.setBearerAuth(this.acme.agent))
			.bodyValue(Map.of("subject", subject, "description", "d", "requesterId", this.acme.customerId.toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(raised.get("requesterId")).isEqualTo(this.acme.customerId.toString());
	}

	private long count(String sql, String text) {
		return this.database.sql(sql).bind("text", text).map((row) -> row.get(0, Long.class)).one().block();
	}

	@Test
	void publishesEachChangeAsAnEventOfTheTenant() {
		String id = (String) raise(this.acme.customer, "Event check", "Does it publish?").get("id");
		reply(this.acme.agent, id, "internal thoughts", true).expectStatus().isCreated();

		EventJson json = new EventJson();
		List<ConsumerRecord<String, String>> records = KafkaRecords.awaitMatching(this.bootstrapServers,
				Topics.TICKET_EVENTS, (record) -> id.equals(record.key()), 2, Duration.ofSeconds(30));
		List<EventEnvelope<?>> events = records.stream().<EventEnvelope<?>>map((r) -> json.read(r.value())).toList();
		assertThat(events).allSatisfy((event) -> assertThat(event.tenantId().value()).isEqualTo(this.acme.slug));
		assertThat(events.get(0).data()).isInstanceOf(TicketCreated.class);
		assertThat(events.get(1).data()).isInstanceOfSatisfying(TicketCommented.class,
				(commented) -> assertThat(commented.internal()).isTrue());
	}

	@Test
	void describesEveryTicketEndpointInOpenApi() {
		this.web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/tickets'].post")
			.exists()
			.jsonPath("$.paths['/api/tickets'].get")
			.exists()
			.jsonPath("$.paths['/api/tickets/{id}'].get")
			.exists()
			.jsonPath("$.paths['/api/tickets/{id}'].patch")
			.exists()
			.jsonPath("$.paths['/api/tickets/{id}/comments'].post")
			.exists()
			.jsonPath("$.paths['/api/tickets/{id}/comments'].get")
			.exists()
			.jsonPath("$.paths['/api/tickets/{id}/history'].get")
			.exists();
	}

	@Test
	void rowLevelSecurityHidesOtherTenantsEvenWithoutAPredicate() {
		raise(this.acme.customer, "Acme only", "a");
		raise(this.globex.customer, "Globex only", "g");

		this.database.sql("select count(distinct tenant_id) from tickets")
			.map((row) -> row.get(0, Long.class))
			.one()
			.as(StepVerifier::create)
			.assertNext((tenants) -> assertThat(tenants).as("both tenants have tickets").isGreaterThanOrEqualTo(2))
			.verifyComplete();
		this.tenants
			.inTenantMany(this.acme.tenantId,
					() -> this.database.sql("select tenant_id from tickets").map((row) -> row.get(0, UUID.class)).all())
			.distinct()
			.as(StepVerifier::create)
			.expectNext(this.acme.tenantId)
			.verifyComplete();
	}

	private Map<?, ?> raise(String token, String subject, String description) {
		return this.web.post()
			.uri("/api/tickets")
			.headers((h) -> h.setBearerAuth(token))
			.bodyValue(Map.of("subject", subject, "description", description))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("ETag", "\"0\"")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Map<?, ?> read(String token, String id) {
		return getOk(token, "/api/tickets/{id}", id);
	}

	private Map<?, ?> getOk(String token, String uri, Object... variables) {
		return this.web.get()
			.uri(uri, variables)
			.headers((h) -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec patch(String token, String id, String ifMatch, Map<String, Object> change) {
		return this.web.patch()
			.uri("/api/tickets/{id}", id)
			.headers((h) -> h.setBearerAuth(token))
			.header("If-Match", ifMatch)
			.bodyValue(change)
			.exchange();
	}

	private WebTestClient.ResponseSpec reply(String token, String id, String body, boolean internal) {
		return this.web.post()
			.uri("/api/tickets/{id}/comments", id)
			.headers((h) -> h.setBearerAuth(token))
			.bodyValue(Map.of("body", body, "internal", internal))
			.exchange();
	}

	private List<?> comments(String token, String id) {
		return (List<?>) getOk(token, "/api/tickets/{id}/comments", id).get("items");
	}

}
