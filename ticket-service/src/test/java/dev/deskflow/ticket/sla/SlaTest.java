package dev.deskflow.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.SlaAtRisk;
import dev.deskflow.common.event.SlaBreached;
import dev.deskflow.common.event.SlaEvent;
import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SlaTest extends DeskTest {

	@Autowired
	SlaScheduler scheduler;

	@Test
	void onlyAdminsManagePoliciesAndBadOnesAreRefused() {
		TenantDesk acme = desk("sla-admin");
		Map<String, Object> urgent = policy(10, List.of("URGENT"), 60, 240, 15);
		assertProblem(send(acme.agent, "POST", "/api/admin/sla/policies", urgent), HttpStatus.FORBIDDEN,
				ProblemTypes.FORBIDDEN);
		assertProblem(send(acme.customer, "GET", "/api/admin/sla/policies", null), HttpStatus.FORBIDDEN,
				ProblemTypes.FORBIDDEN);
		for (Map<String, Object> bad : List.of(policy(10, List.of(), 60, 240, 15),
				policy(10, List.of("URGENT"), 60, 240, 60), policy(10, List.of("URGENT"), null, null, 15),
				policy(-1, List.of("URGENT"), 60, 240, 15), policy(10, List.of("URGENT"), 60, 100_000, 15),
				with(urgent, "escalation", Map.of("assigneeId", acme.customerId.toString())),
				with(urgent, "escalation", Map.of("assigneeId", acme.agentId.toString(), "unassign", true)),
				with(urgent, "colour", "red"), with(urgent, "priorities", List.of("SOON")))) {
			assertProblem(send(acme.admin, "POST", "/api/admin/sla/policies", bad), HttpStatus.BAD_REQUEST,
					ProblemTypes.VALIDATION);
		}
		String id = created(acme, urgent);
		assertProblem(send(acme.admin, "POST", "/api/admin/sla/policies", policy(10, List.of("HIGH"), 60, 240, 15)),
				HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
		assertProblem(send(acme.admin, "POST", "/api/admin/sla/policies", policy(11, List.of("URGENT"), 30, 90, 10)),
				HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
		String billing = created(acme, with(policy(11, List.of("URGENT"), 30, 90, 10), "category", "Billing"));

		send(acme.admin, "PUT", "/api/admin/sla/policies/" + billing, "\"0\"",
				with(with(policy(5, List.of("URGENT", "HIGH"), 20, 90, 10), "category", "Billing"), "escalation",
						Map.of("raisePriority", true, "assigneeId", acme.agentId.toString())))
			.expectStatus()
			.isOk();
		assertProblem(
				send(acme.admin, "PUT", "/api/admin/sla/policies/" + billing, "\"1\"",
						with(policy(10, List.of("URGENT"), 20, 90, 10), "category", "Billing")),
				HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
		send(acme.admin, "GET", "/api/admin/sla/policies", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(billing)
			.jsonPath("$.items[0].priorities.length()")
			.isEqualTo(2)
			.jsonPath("$.items[0].escalation.raisePriority")
			.isEqualTo(true)
			.jsonPath("$.items[1].id")
			.isEqualTo(id);
		send(acme.admin, "DELETE", "/api/admin/sla/policies/" + id, "*", null).expectStatus().isNoContent();
		assertProblem(send(acme.admin, "GET", "/api/admin/sla/policies/" + id, null), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
	}

	@Test
	void invalidCalendarsAreRefused() {
		TenantDesk acme = desk("sla-calendar");
		Map<String, List<String>> office = Map.of("MONDAY", List.of("09:00-12:00", "13:00-17:00"));
		assertProblem(send(acme.admin, "GET", "/api/admin/sla/calendar", null), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		for (Map<String, Object> bad : List.of(calendar("Mars/Olympus", office, List.of()),
				calendar("+02:00", office, List.of()), calendar(null, office, List.of()),
				calendar("Europe/Berlin", Map.of("MONDAY", List.of("09:00-13:00", "12:00-17:00")), List.of()),
				calendar("Europe/Berlin", Map.of("MONDAY", List.of("17:00-09:00")), List.of()),
				calendar("Europe/Berlin", Map.of("MONDAY", List.of("9-5")), List.of()),
				calendar("Europe/Berlin", Map.of("FUNDAY", List.of("09:00-17:00")), List.of()),
				calendar("Europe/Berlin", Map.of(), List.of()),
				calendar("Europe/Berlin", office, List.of("2026-02-30")),
				calendar("Europe/Berlin", office, List.of("2026-12-25", "2026-12-25")))) {
			assertProblem(send(acme.admin, "PUT", "/api/admin/sla/calendar", bad), HttpStatus.BAD_REQUEST,
					ProblemTypes.VALIDATION);
		}
		assertProblem(send(acme.agent, "PUT", "/api/admin/sla/calendar", calendar("Europe/Berlin", office, List.of())),
				HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		send(acme.admin, "PUT", "/api/admin/sla/calendar",
				calendar("Europe/Berlin",
						Map.of("monday", List.of("13:00-17:00", "09:00-12:00"), "FRIDAY", List.of("00:00-24:00")),
						List.of("2026-12-25")))
			.expectStatus()
			.isOk();
		send(acme.admin, "GET", "/api/admin/sla/calendar", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.zone")
			.isEqualTo("Europe/Berlin")
			.jsonPath("$.hours.MONDAY[0]")
			.isEqualTo("09:00-12:00")
			.jsonPath("$.hours.FRIDAY[0]")
			.isEqualTo("00:00-24:00")
			.jsonPath("$.holidays[0]")
			.isEqualTo("2026-12-25");
		send(acme.admin, "DELETE", "/api/admin/sla/calendar", "\"0\"", null).expectStatus().isNoContent();
	}

	@Test
	void policyAndCalendarWritesNeedTheVersionRead() {
		TenantDesk acme = desk("sla-versions");
		Map<String, Object> urgent = policy(1, List.of("URGENT"), 60, 240, 15);
		String path = "/api/admin/sla/policies/" + created(acme, urgent);
		send(acme.admin, "GET", path, null).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"");
		Map<String, Object> faster = with(urgent, "firstResponseMinutes", 30);
		assertProblem(send(acme.admin, "PUT", path, faster), HttpStatus.PRECONDITION_REQUIRED,
				ProblemTypes.PRECONDITION_REQUIRED);
		assertProblem(send(acme.admin, "PUT", path, "\"7\"", faster), HttpStatus.PRECONDITION_FAILED,
				ProblemTypes.PRECONDITION_FAILED);
		send(acme.admin, "PUT", path, "W/\"0\"", faster).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(1)
			.jsonPath("$.firstResponseMinutes")
			.isEqualTo(30);
		// a second admin who read version 0 loses the race instead of overwriting it
		assertProblem(send(acme.admin, "PUT", path, "\"0\"", urgent), HttpStatus.PRECONDITION_FAILED,
				ProblemTypes.PRECONDITION_FAILED);
		send(acme.admin, "GET", "/api/admin/sla/policies", null).expectBody()
			.jsonPath("$.items[0].version")
			.isEqualTo(1)
			.jsonPath("$.items[0].firstResponseMinutes")
			.isEqualTo(30);
		assertProblem(send(acme.admin, "DELETE", path, null), HttpStatus.PRECONDITION_REQUIRED,
				ProblemTypes.PRECONDITION_REQUIRED);
		assertProblem(send(acme.admin, "DELETE", path, "\"0\"", null), HttpStatus.PRECONDITION_FAILED,
				ProblemTypes.PRECONDITION_FAILED);
		send(acme.admin, "DELETE", path, "\"1\"", null).expectStatus().isNoContent();

		String calendarPath = "/api/admin/sla/calendar";
		Map<String, Object> office = calendar("UTC", Map.of("MONDAY", List.of("09:00-17:00")), List.of());
		assertProblem(send(acme.admin, "PUT", calendarPath, "\"0\"", office), HttpStatus.PRECONDITION_FAILED,
				ProblemTypes.PRECONDITION_FAILED);
		send(acme.admin, "PUT", calendarPath, office).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"");
		assertProblem(send(acme.admin, "PUT", calendarPath, office), HttpStatus.PRECONDITION_REQUIRED,
				ProblemTypes.PRECONDITION_REQUIRED);
		send(acme.admin, "PUT", calendarPath, "\"0\"",
				calendar("Europe/Berlin", Map.of("MONDAY", List.of("09:00-17:00")), List.of()))
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"");
		assertProblem(send(acme.admin, "PUT", calendarPath, "\"0\"", office), HttpStatus.PRECONDITION_FAILED,
				ProblemTypes.PRECONDITION_FAILED);
		send(acme.admin, "GET", calendarPath, null).expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.zone")
			.isEqualTo("Europe/Berlin");
		assertProblem(send(acme.admin, "DELETE", calendarPath, null), HttpStatus.PRECONDITION_REQUIRED,
				ProblemTypes.PRECONDITION_REQUIRED);
		assertProblem(send(acme.admin, "DELETE", calendarPath, "\"0\"", null), HttpStatus.PRECONDITION_FAILED,
				ProblemTypes.PRECONDITION_FAILED);
		send(acme.admin, "DELETE", calendarPath, "\"1\"", null).expectStatus().isNoContent();
		assertProblem(send(acme.admin, "GET", calendarPath, null), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
	}

	@Test
	void aTicketGetsTheFirstMatchingPolicyAndItsDueTimes() {
		TenantDesk acme = desk("sla-match");
		String billing = created(acme, with(policy(1, List.of("URGENT"), 30, 120, 10), "category", "Billing"));
		String urgent = created(acme, policy(2, List.of("URGENT", "HIGH"), 60, 480, 15));

		Map<?, ?> bill = acme.raise(acme.agent, Map.of("subject", "Charged twice", "description", "Two invoices",
				"priority", "URGENT", "category", "billing"));
		Instant created = Instant.parse((String) bill.get("createdAt"));
		sla(acme.agent, bill.get("id")).jsonPath("$.policyId")
			.isEqualTo(billing)
			.jsonPath("$.firstResponse.dueAt")
			.value((due) -> assertThat(Instant.parse((String) due)).isEqualTo(created.plus(Duration.ofMinutes(30))))
			.jsonPath("$.resolution.dueAt")
			.value((due) -> assertThat(Instant.parse((String) due)).isEqualTo(created.plus(Duration.ofMinutes(120))))
			.jsonPath("$.firstResponse.remainingSeconds")
			.value((left) -> assertThat(((Number) left).longValue()).isBetween(1500L, 1800L))
			.jsonPath("$.firstResponse.breached")
			.isEqualTo(false);

		Map<?, ?> other = acme.raise(acme.agent,
				Map.of("subject", "Server down", "description", "All of it", "priority", "URGENT"));
		sla(acme.agent, other.get("id")).jsonPath("$.policyId").isEqualTo(urgent);
		this.web.get()
			.uri("/api/tickets/{id}", other.get("id"))
			.headers((h) -> h.setBearerAuth(acme.agent))
			.exchange()
			.expectBody()
			.jsonPath("$.sla.policyName")
			.isEqualTo("Policy 2")
			.jsonPath("$.sla.resolution.paused")
			.isEqualTo(false);

		Map<?, ?> low = acme.raise(acme.customer, Map.of("subject", "Font", "description", "Too small"));
		sla(acme.agent, low.get("id")).jsonPath("$.applies").isEqualTo(false);
		this.web.get()
			.uri("/api/tickets/{id}", low.get("id"))
			.headers((h) -> h.setBearerAuth(acme.agent))
			.exchange()
			.expectBody()
			.jsonPath("$.sla")
			.doesNotExist();
		change(acme, low.get("id"), Map.of("priority", "HIGH"));
		Instant lowCreated = Instant.parse((String) low.get("createdAt"));
		sla(acme.agent, low.get("id")).jsonPath("$.policyId")
			.isEqualTo(urgent)
			.jsonPath("$.firstResponse.dueAt")
			.value((due) -> assertThat(Instant.parse((String) due)).isEqualTo(lowCreated.plus(Duration.ofMinutes(60))));
		change(acme, low.get("id"), Map.of("priority", "NORMAL"));
		sla(acme.agent, low.get("id")).jsonPath("$.applies").isEqualTo(false);
	}

	@Test
	@SuppressWarnings("unchecked")
	void listItemsCarryTheirClocksForStaffOnly() {
		TenantDesk acme = desk("sla-list");
		created(acme, policy(1, List.of("NORMAL"), 60, 480, 15));
		String late = (String) acme.raise(acme.customer, Map.of("subject", "Mail", "description", "Bounces")).get("id");
		String fresh = (String) acme.raise(acme.customer, Map.of("subject", "VPN", "description", "Drops")).get("id");
		String none = (String) acme
			.raise(acme.customer, Map.of("subject", "Font", "description", "Small", "priority", "LOW"))
			.get("id");
		travel(late, Duration.ofMinutes(61));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(items(acme.agent, "/api/tickets?sla=breached")).containsOnlyKeys(late));

		Map<String, Map<String, Object>> items = items(acme.agent, "/api/tickets");
		assertThat(items).containsOnlyKeys(late, fresh, none);
		assertThat((Map<String, Object>) items.get(late).get("sla")).containsEntry("policyName", "Policy 1");
		assertThat(clock(items.get(late), "firstResponse")).containsEntry("breached", true);
		assertThat(clock(items.get(fresh), "firstResponse")).containsEntry("breached", false)
			.containsEntry("atRisk", false)
			.containsKey("dueAt");
		assertThat(clock(items.get(fresh), "resolution")).containsEntry("stopped", false);
		assertThat(items.get(none)).doesNotContainKey("sla");

		assertThat(clock(items(acme.agent, "/api/tickets?sla=breached").get(late), "firstResponse"))
			.containsEntry("breached", true);

		Map<String, Map<String, Object>> own = items(acme.customer, "/api/tickets");
		assertThat(own).containsOnlyKeys(late, fresh, none);
		assertThat(own.values()).allSatisfy((item) -> assertThat(item).doesNotContainKey("sla"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> items(String token, String path) {
		Map<String, Object> page = send(token, "GET", path, null).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Map<String, Object>> byId = new HashMap<>();
		((List<Map<String, Object>>) page.get("items")).forEach((item) -> byId.put((String) item.get("id"), item));
		return byId;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> clock(Map<String, Object> item, String target) {
		return ((Map<String, Map<String, Object>>) item.get("sla")).get(target);
	}

	@Test
	void pendingPausesResolutionAndTheFirstReplyStopsFirstResponse() {
		TenantDesk acme = desk("sla-clocks");
		created(acme, policy(1, List.of("NORMAL"), 60, 480, 15));
		Map<?, ?> ticket = acme.raise(acme.customer, Map.of("subject", "VPN", "description", "Drops"));
		Object id = ticket.get("id");
		this.web.post()
			.uri("/api/tickets/{id}/comments", id)
			.headers((h) -> h.setBearerAuth(acme.agent))
			.bodyValue(Map.of("body", "Looking at the logs", "internal", true))
			.exchange()
			.expectStatus()
			.isCreated();
		sla(acme.agent, id).jsonPath("$.firstResponse.stopped").isEqualTo(false);
		this.web.post()
			.uri("/api/tickets/{id}/comments", id)
			.headers((h) -> h.setBearerAuth(acme.agent))
			.bodyValue(Map.of("body", "Which client version?"))
			.exchange()
			.expectStatus()
			.isCreated();
		sla(acme.agent, id).jsonPath("$.firstResponse.stopped")
			.isEqualTo(true)
			.jsonPath("$.firstResponse.stoppedAt")
			.exists()
			.jsonPath("$.resolution.stopped")
			.isEqualTo(false);

		Instant dueBefore = Instant.parse((String) slaMap(acme, id).get("resolution").get("dueAt"));
		acme.setStatus(id, "PENDING");
		assertThat(slaMap(acme, id).get("resolution")).containsEntry("paused", true);
		travel(id.toString(), Duration.ofHours(1)); // as if it went pending an hour ago
		Object remaining = slaMap(acme, id).get("resolution").get("remainingSeconds");
		assertThat(((Number) remaining).longValue()).as("frozen while pending").isGreaterThan(470 * 60);
		acme.setStatus(id, "OPEN");
		Map<String, Object> resumed = slaMap(acme, id).get("resolution");
		assertThat(resumed).containsEntry("paused", false);
		// the hour pending moved the due time by an hour: back to where it was
		assertThat(Instant.parse((String) resumed.get("dueAt"))).isAfterOrEqualTo(dueBefore)
			.isBefore(dueBefore.plusSeconds(60));
		acme.setStatus(id, "SOLVED");
		assertThat(slaMap(acme, id).get("resolution")).containsEntry("stopped", true).containsEntry("breached", false);
	}

	@Test
	void theSchedulerWarnsThenReportsTheBreachOnceAndEscalates() {
		TenantDesk acme = desk("sla-breach");
		String policy = created(acme, with(policy(1, List.of("NORMAL", "HIGH"), 60, null, 15), "escalation",
				Map.of("raisePriority", true, "assigneeId", acme.agentId.toString())));
		String id = (String) acme.raise(acme.customer, Map.of("subject", "Mail", "description", "Bounces")).get("id");

		travel(id, Duration.ofMinutes(50)); // past the at-risk time (45 min), 10 min
											// before due
		SlaEvent atRisk = event(id, SlaAtRisk.class);
		assertThat(atRisk.policyId()).hasToString(policy);
		assertThat(atRisk.target()).isEqualTo(SlaTarget.FIRST_RESPONSE);
		sla(acme.agent, id).jsonPath("$.firstResponse.atRisk").isEqualTo(true);
		assertThat(queue(acme.agent, "at-risk")).containsExactly(id);
		assertThat(queue(acme.agent, "breached")).isEmpty();

		travel(id, Duration.ofMinutes(11));
		SlaBreached breached = (SlaBreached) event(id, SlaBreached.class);
		assertThat(breached.breachedAt()).isAfterOrEqualTo(breached.dueAt());
		this.web.get()
			.uri("/api/tickets/{id}", id)
			.headers((h) -> h.setBearerAuth(acme.agent))
			.exchange()
			.expectBody()
			.jsonPath("$.priority")
			.isEqualTo("HIGH")
			.jsonPath("$.assigneeId")
			.isEqualTo(acme.agentId.toString())
			.jsonPath("$.sla.firstResponse.breached")
			.isEqualTo(true);
		this.web.get()
			.uri("/api/tickets/{id}/history", id)
			.headers((h) -> h.setBearerAuth(acme.agent))
			.exchange()
			.expectBody()
			.jsonPath("$.items[?(@.action == 'sla-escalated')].changes.by.id")
			.isEqualTo(policy);

		assertThat(queue(acme.agent, "breached")).containsExactly(id);
		assertThat(queue(acme.agent, "at-risk")).isEmpty();
		assertProblem(send(acme.customer, "GET", "/api/tickets?sla=breached", null), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);
		assertProblem(send(acme.agent, "GET", "/api/tickets?sla=late", null), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);

		this.scheduler.runOnce().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(outboxCount(id, SlaAtRisk.TYPE)).isEqualTo(1);
		assertThat(outboxCount(id, SlaBreached.TYPE)).isEqualTo(1);
	}

	@Test
	void theSlaReportCountsEachTargetMetMissedAndOpen() {
		TenantDesk acme = desk("sla-report");
		created(acme, policy(1, List.of("NORMAL"), 60, 480, 15));
		String met = (String) acme.raise(acme.customer, Map.of("subject", "Printer", "description", "Jams")).get("id");
		String missed = (String) acme.raise(acme.customer, Map.of("subject", "Mail", "description", "Bounces"))
			.get("id");
		acme.raise(acme.customer, Map.of("subject", "VPN", "description", "Drops"));
		this.web.post()
			.uri("/api/tickets/{id}/comments", met)
			.headers((h) -> h.setBearerAuth(acme.agent))
			.bodyValue(Map.of("body", "On it"))
			.exchange()
			.expectStatus()
			.isCreated();
		travel(missed, Duration.ofMinutes(61)); // past its first-response due time

		send(acme.admin, "GET", "/api/admin/reports/sla", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.firstResponse.met")
			.isEqualTo(1)
			.jsonPath("$.firstResponse.missed")
			.isEqualTo(1)
			.jsonPath("$.firstResponse.open")
			.isEqualTo(1)
			.jsonPath("$.firstResponse.attainment")
			.isEqualTo(0.5)
			.jsonPath("$.resolution.open")
			.isEqualTo(3)
			.jsonPath("$.resolution.attainment")
			.doesNotExist();
	}

	@Test
	void concurrentSchedulersReportEachBreachOnce() {
		TenantDesk acme = desk("sla-replicas");
		created(acme, policy(1, List.of("NORMAL"), 30, null, 5));
		List<String> ids = IntStream.range(0, 24)
			.mapToObj((i) -> (String) acme
				.raise(acme.customer, Map.of("subject", "Ticket " + i, "description", "Concurrent breach"))
				.get("id"))
			.toList();
		travel("tenant_id", acme.tenantId, Duration.ofHours(1));
		Flux.range(0, 4)
			.flatMap((replica) -> this.scheduler.runOnce(), 4)
			.as(StepVerifier::create)
			.expectNextCount(4)
			.verifyComplete();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ids).allSatisfy(
					(id) -> assertThat(outboxCount(id, SlaBreached.TYPE)).as("sla.breached of %s", id).isEqualTo(1)));
		assertThat(ids).allSatisfy((id) -> assertThat(outboxCount(id, SlaAtRisk.TYPE)).isZero());
	}

	@Test
	void policiesAndClocksStayInTheirTenant() {
		TenantDesk acme = desk("sla-acme");
		TenantDesk globex = desk("sla-globex");
		String policy = created(acme, policy(1, List.of("NORMAL"), 60, 240, 15));
		String acmeTicket = (String) acme.raise(acme.customer, Map.of("subject", "A", "description", "B")).get("id");
		String globexTicket = (String) globex.raise(globex.customer, Map.of("subject", "A", "description", "B"))
			.get("id");
		sla(acme.agent, acmeTicket).jsonPath("$.applies").isEqualTo(true);
		sla(globex.agent, globexTicket).jsonPath("$.applies").isEqualTo(false);
		assertProblem(send(globex.admin, "GET", "/api/admin/sla/policies/" + policy, null), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		assertProblem(send(globex.admin, "DELETE", "/api/admin/sla/policies/" + policy, "*", null),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		send(globex.admin, "GET", "/api/admin/sla/policies", null).expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(0);
		assertProblem(send(globex.agent, "GET", "/api/tickets/" + acmeTicket + "/sla", null), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		assertProblem(send(acme.customer, "GET", "/api/tickets/" + acmeTicket + "/sla", null), HttpStatus.FORBIDDEN,
				ProblemTypes.FORBIDDEN);
		this.web.get()
			.uri("/api/tickets/{id}", acmeTicket)
			.headers((h) -> h.setBearerAuth(acme.customer))
			.exchange()
			.expectBody()
			.jsonPath("$.sla")
			.doesNotExist();
	}

	private SlaEvent event(String ticketId, Class<? extends SlaEvent> type) {
		List<ConsumerRecord<String, String>> records = KafkaRecords.awaitMatching(this.bootstrapServers,
				Topics.TICKET_EVENTS, (record) -> ticketId.equals(record.key())
						&& type.isInstance(new EventJson().read(record.value()).data()),
				1, Duration.ofSeconds(30));
		return (SlaEvent) new EventJson().read(records.get(0).value()).data();
	}

	@SuppressWarnings("unchecked")
	private List<String> queue(String token, String view) {
		Map<String, Object> page = send(token, "GET", "/api/tickets?sla=" + view, null).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream().map((item) -> (String) item.get("id")).toList();
	}

	/** Moves a ticket's clocks into the past, as if that much time had gone by. */
	private void travel(String ticketId, Duration by) {
		travel("ticket_id", UUID.fromString(ticketId), by);
	}

	/** Moves the clocks of a ticket or tenant (column) into the past. */
	private void travel(String column, UUID id, Duration by) {
		this.database
			.sql("update sla_clocks set started_at = started_at - cast(:by as interval), "
					+ "due_at = due_at - cast(:by as interval), at_risk_at = at_risk_at - cast(:by as interval), "
					+ "next_check_at = next_check_at - cast(:by as interval), "
					+ "halted_at = halted_at - cast(:by as interval) where " + column + " = :id")
			.bind("by", by.toSeconds() + " seconds")
			.bind("id", id)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
	}

	private String created(TenantDesk desk, Map<String, Object> policy) {
		Map<?, ?> body = send(desk.admin, "POST", "/api/admin/sla/policies", policy).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) body.get("id");
	}

	private void change(TenantDesk desk, Object ticketId, Map<String, Object> fields) {
		this.web.patch()
			.uri("/api/tickets/{id}", ticketId)
			.headers((h) -> h.setBearerAuth(desk.agent))
			.header("If-Match", "*")
			.bodyValue(fields)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.BodyContentSpec sla(String token, Object ticketId) {
		return this.web.get()
			.uri("/api/tickets/{id}/sla", ticketId)
			.headers((h) -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> slaMap(TenantDesk desk, Object ticketId) {
		return this.web.get()
			.uri("/api/tickets/{id}/sla", ticketId)
			.headers((h) -> h.setBearerAuth(desk.agent))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec send(String token, String method, String path, Object body) {
		return send(token, method, path, null, body);
	}

	private WebTestClient.ResponseSpec send(String token, String method, String path, String ifMatch, Object body) {
		WebTestClient.RequestBodySpec request = this.web.method(HttpMethod.valueOf(method))
			.uri(path)
			.headers((h) -> h.setBearerAuth(token));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return (body != null) ? request.bodyValue(body).exchange() : request.exchange();
	}

	private static Map<String, Object> policy(int order, List<String> priorities, Integer firstResponse,
			Integer resolution, int atRisk) {
		Map<String, Object> policy = new HashMap<>();
		policy.put("name", "Policy " + order);
		policy.put("order", order);
		policy.put("priorities", priorities);
		policy.put("firstResponseMinutes", firstResponse);
		policy.put("resolutionMinutes", resolution);
		policy.put("atRiskMinutes", atRisk);
		return policy;
	}

	private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
		Map<String, Object> copy = new HashMap<>(fields);
		copy.put(name, value);
		return copy;
	}

	private static Map<String, Object> calendar(String zone, Map<String, List<String>> hours, List<String> holidays) {
		Map<String, Object> calendar = new HashMap<>();
		calendar.put("zone", zone);
		calendar.put("hours", hours);
		calendar.put("holidays", holidays);
		return calendar;
	}

}
