package dev.deskflow.ai.recommend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.deskflow.ai.AiServiceTestBase;
import dev.deskflow.ai.corpus.EventIds;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.RecommendationsReady;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The corpus is fed by ticket-service's events only: publish them to Kafka as
 * ticket-service would and read the answers through the API.
 */
class RecommendationsFromEventsTest extends AiServiceTestBase {

	private static final Logger log = LoggerFactory.getLogger(RecommendationsFromEventsTest.class);

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	DatabaseClient database;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void recommendsASimilarSolvedTicketWithItsResolution() {
		String tenant = tenant("acme");
		UUID solved = UUID.randomUUID();
		solvedTicket(tenant, solved, "VPN connection drops every hour",
				"My VPN client disconnects from the office network every hour.", "network", TicketPriority.HIGH,
				"Update the VPN client to version 5.2, which fixes the reconnect timer.");
		UUID fresh = UUID.randomUUID();
		raise(tenant, fresh, UUID.randomUUID(), "VPN keeps disconnecting",
				"The VPN connection drops and I lose the office network.", null, TicketPriority.NORMAL);

		JsonNode answer = awaitRecommendations(agent(tenant), fresh, (body) -> !body.get("tickets").isEmpty());

		JsonNode first = answer.get("tickets").get(0);
		assertThat(first.get("id").asString()).isEqualTo(solved.toString());
		assertThat(first.get("resolution").asString()).contains("version 5.2");
		assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(first.get("explanation").get("sharedTerms").toString()).contains("vpn");
		assertThat(first.get("explanation").get("sources").toString()).contains("BM25");
		// a tenant this small has no model of its own: the shipped base model answers
		assertThat(answer.get("model").get("keywordOnly").asBoolean()).isFalse();
		assertThat(answer.get("model").get("name").asString()).isEqualTo("base-v1");
		JsonNode category = answer.get("suggestions").get("category");
		assertThat(category.get("label").asString()).isEqualTo("network");
		assertThat(category.get("majorityLabel").asString()).isEqualTo("network");
		assertThat(category.get("majorityRate").asDouble()).isEqualTo(1.0);
		assertThat(answer.get("suggestions").get("priority").get("label").asString()).isEqualTo("HIGH");
	}

	@Test
	void publishesRecommendationsReadyWithAnIdDerivedFromTheTicketCreatedEvent() {
		String tenant = tenant("ready");
		UUID solved = UUID.randomUUID();
		solvedTicket(tenant, solved, "Printer on floor 3 jams", "The printer jams on every page.", "hardware",
				TicketPriority.LOW, "Replace the fuser unit of the floor 3 printer.");
		awaitRetrievable(tenant, "printer jams");
		UUID fresh = UUID.randomUUID();
		EventEnvelope<?> created = raise(tenant, fresh, UUID.randomUUID(), "Printer jams again",
				"The floor 3 printer jams.", null, TicketPriority.NORMAL);

		List<ConsumerRecord<String, String>> records = awaitReady(fresh, 1);

		ConsumerRecord<String, String> record = records.get(0);
		assertThat(record.key()).isEqualTo(fresh.toString());
		EventEnvelope<?> ready = EVENTS.read(record.value());
		assertThat(ready.id()).isEqualTo(EventIds.derived(RecommendationsReady.TYPE, created.id()).toString());
		assertThat(ready.tenantId().value()).isEqualTo(tenant);
		RecommendationsReady data = (RecommendationsReady) ready.data();
		assertThat(data.items()).anySatisfy((item) -> assertThat(item.id()).isEqualTo(solved));
		assertThat(data.items()).noneSatisfy((item) -> assertThat(item.id()).isEqualTo(fresh));
		Timer latency = this.meters.find("deskflow.ai.recommendation.latency").tag("tenant", tenant).timer();
		assertThat(latency).isNotNull();
		// one per ticket.created of the tenant: the solved ticket's and the fresh one's
		assertThat(latency.count()).isEqualTo(2);
		log.info("ticket.created -> recommendations.ready: {} ms", latency.max(TimeUnit.MILLISECONDS));
	}

	@Test
	void aRedeliveredEventChangesNothingAndRepublishesTheSameEvent() {
		String tenant = tenant("redeliver");
		UUID ticket = UUID.randomUUID();
		EventEnvelope<?> created = raise(tenant, ticket, UUID.randomUUID(), "Mailbox full", "My mailbox is full.",
				"email", TicketPriority.NORMAL);
		EventEnvelope<?> reply = reply(tenant, ticket, "We doubled your mailbox quota.", false);
		awaitReady(ticket, 1);

		publish(created);
		publish(reply);

		List<ConsumerRecord<String, String>> records = awaitReady(ticket, 2);
		Set<String> ids = records.stream().map((r) -> EVENTS.read(r.value()).id()).collect(Collectors.toSet());
		assertThat(ids).hasSize(1);
		// the reply event after both redeliveries, as a fence: everything before it is
		// applied
		UUID fence = UUID.randomUUID();
		raise(tenant, fence, UUID.randomUUID(), "Fence", "fence", null, TicketPriority.LOW);
		awaitReady(fence, 1);
		assertThat(this.database.sql("select replies from documents where tenant_id = :tenant")
			.bind("tenant", tenant)
			.map((row) -> row.get("replies", String.class))
			.all()
			.collectList()
			.block()).containsExactlyInAnyOrder("We doubled your mailbox quota.", "");
	}

	@Test
	void internalNotesNeverSurface() {
		String tenant = tenant("notes");
		UUID solved = UUID.randomUUID();
		raise(tenant, solved, UUID.randomUUID(), "Laptop will not boot", "Black screen after the logo.", "hardware",
				TicketPriority.HIGH);
		reply(tenant, solved, "Hold the power button for 30 seconds to reset the firmware.", false);
		reply(tenant, solved, "Customer is a known xylophonist, admin password hunter2 zebracorn", true);
		publish(tenant,
				new TicketStatusChanged(solved, TicketStatus.NEW, TicketStatus.SOLVED, UUID.randomUUID(), now()));
		UUID fresh = UUID.randomUUID();
		raise(tenant, fresh, UUID.randomUUID(), "Laptop black screen", "My laptop will not boot.", null,
				TicketPriority.NORMAL);

		JsonNode answer = awaitRecommendations(agent(tenant), fresh, (body) -> !body.get("tickets").isEmpty());

		assertThat(answer.get("tickets").get(0).get("resolution").asString()).contains("power button");
		assertThat(answer.toString()).doesNotContain("hunter2").doesNotContain("zebracorn");
		JsonNode byNote = draft(agent(tenant), "zebracorn hunter2 xylophonist");
		assertThat(byNote.get("tickets")).isEmpty();
		List<ConsumerRecord<String, String>> ready = awaitReady(fresh, 1);
		assertThat(ready.get(0).value()).doesNotContain("hunter2").doesNotContain("zebracorn");
	}

	@Test
	void aTenantNeverSeesAnotherTenantsTickets() {
		String tenantA = tenant("tenant-a");
		String tenantB = tenant("tenant-b");
		UUID solved = UUID.randomUUID();
		solvedTicket(tenantA, solved, "Payroll export fails", "The payroll CSV export fails with error 500.", "finance",
				TicketPriority.HIGH, "Rerun the export after the nightly close.");
		awaitRetrievable(tenantA, "payroll export fails");

		JsonNode other = draft(agent(tenantB), "payroll export fails with error 500");

		assertThat(other.get("tickets")).isEmpty();
		assertThat(other.toString()).doesNotContain(solved.toString());
		this.web.get()
			.uri("/api/ai/tickets/{id}/recommendations", solved)
			.headers((h) -> h.setBearerAuth(agent(tenantB)))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json");
	}

	@Test
	void aCustomerGetsOnlyPublishedArticles() {
		String tenant = tenant("portal");
		UUID customer = UUID.randomUUID();
		solvedTicket(tenant, UUID.randomUUID(), "Reset my password", "I forgot my password.", "account",
				TicketPriority.NORMAL, "Use the reset link on the log-in page.");
		UUID articleId = UUID.randomUUID();
		article(tenant, articleId, "How to reset your password",
				"Open the log-in page and follow the reset password link.");
		awaitRetrievable(tenant, "reset password");
		UUID own = UUID.randomUUID();
		raise(tenant, own, customer, "Cannot reset password", "The password reset does not work.", null,
				TicketPriority.NORMAL);
		String customerToken = token(customer, tenant, Role.CUSTOMER);

		JsonNode forTicket = awaitRecommendations(customerToken, own, (body) -> !body.get("articles").isEmpty());
		JsonNode forDraft = draft(customerToken, "how do I reset my password");

		for (JsonNode answer : List.of(forTicket, forDraft)) {
			assertThat(answer.get("tickets")).isEmpty();
			assertThat(answer.get("suggestions")).isEmpty();
			assertThat(answer.get("articles").get(0).get("id").asString()).isEqualTo(articleId.toString());
		}
		this.web.get()
			.uri("/api/ai/tickets/{id}/recommendations", own)
			.headers((h) -> h.setBearerAuth(token(UUID.randomUUID(), tenant, Role.CUSTOMER)))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void parksAMalformedEventAndKeepsConsuming() {
		String tenant = tenant("poison");
		String key = UUID.randomUUID().toString();
		send(Topics.TICKET_EVENTS, key, "{\"specversion\":\"1.0\", this is not json");
		UUID ticket = UUID.randomUUID();
		raise(tenant, ticket, UUID.randomUUID(), "After the poison", "Still consumed.", null, TicketPriority.LOW);

		awaitReady(ticket, 1);
		await().atMost(WAIT)
			.until(() -> this.database.sql("select count(*) as n from parked_events where record_key = :key")
				.bind("key", key)
				.map((row) -> row.get("n", Long.class))
				.one()
				.block() == 1);
		assertThat(this.meters.find("deskflow.ai.events.parked").counter().count()).isGreaterThanOrEqualTo(1);
	}

	private void awaitRetrievable(String tenant, String text) {
		await().atMost(WAIT)
			.until(() -> !draft(agent(tenant), text).get("tickets").isEmpty()
					|| !draft(agent(tenant), text).get("articles").isEmpty());
	}

	private List<ConsumerRecord<String, String>> awaitReady(UUID ticket, int count) {
		return KafkaRecords.awaitMatching(this.bootstrapServers, Topics.AI_EVENTS,
				(record) -> ticket.toString().equals(record.key()), count, WAIT);
	}

	private JsonNode draft(String token, String text) {
		return this.web.post()
			.uri("/api/ai/suggestions")
			.headers((h) -> h.setBearerAuth(token))
			.bodyValue(Map.of("text", text))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode awaitRecommendations(String token, UUID ticket, Predicate<JsonNode> until) {
		AtomicReference<JsonNode> answer = new AtomicReference<>();
		List<Integer> statuses = new ArrayList<>();
		await().atMost(WAIT).until(() -> {
			EntityExchangeResult<JsonNode> result = this.web.get()
				.uri("/api/ai/tickets/{id}/recommendations", ticket)
				.headers((h) -> h.setBearerAuth(token))
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult();
			statuses.add(result.getStatus().value());
			if (result.getStatus().value() == 200 && until.test(result.getResponseBody())) {
				answer.set(result.getResponseBody());
				return true;
			}
			return false;
		});
		assertThat(statuses).allMatch((status) -> status == 200 || status == 404);
		return answer.get();
	}

}
