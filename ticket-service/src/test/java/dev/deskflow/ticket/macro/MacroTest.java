package dev.deskflow.ticket.macro;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import dev.deskflow.ticket.routing.DeskAgents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class MacroTest extends DeskTest {

	TenantDesk acme;

	TenantDesk globex;

	DeskAgents calls;

	@BeforeAll
	void desks() {
		this.acme = desk("macro-acme");
		this.globex = desk("macro-globex");
		this.calls = new DeskAgents(this.web, this.acme);
	}

	@Test
	void appliesEveryActionAndTheFilledInReplyInOneCall() {
		String group = this.calls.group("Refunds " + UUID.randomUUID(), "ROUND_ROBIN", 5, List.of(this.acme.agentId));
		String macro = create(Map.of("name", "Refund " + UUID.randomUUID(), "actions",
				Map.of("status", "PENDING", "priority", "HIGH", "category", "billing", "addTags", List.of("refund"),
						"removeTags", List.of("new"), "groupId", group),
				"reply", Map.of("body", "Hi {{requester.name}}, about \"{{ ticket.subject }}\": {{agent.name}} "
						+ "has sent the refund.")));
		String id = raise();

		apply(this.acme.agent, id, macro, etag(id)).expectStatus()
			.isOk()
			.expectHeader()
			.exists("ETag")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING")
			.jsonPath("$.priority")
			.isEqualTo("HIGH")
			.jsonPath("$.category")
			.isEqualTo("billing")
			.jsonPath("$.tags[0]")
			.isEqualTo("refund")
			.jsonPath("$.tags.length()")
			.isEqualTo(1)
			.jsonPath("$.groupId")
			.isEqualTo(group)
			.jsonPath("$.assigneeId")
			.isEqualTo(this.acme.agentId.toString());

		this.calls.call(HttpMethod.GET, "/api/tickets/" + id + "/comments", this.acme.customer, null)
			.expectBody()
			.jsonPath("$.items[0].body")
			.isEqualTo("Hi customer, about \"Refund please\": agent has sent the refund.");
		this.calls.call(HttpMethod.GET, "/api/tickets/" + id + "/history", this.acme.agent, null)
			.expectBody()
			.jsonPath("$.items[?(@.action == 'macro-applied')].changes.by.id")
			.isEqualTo(macro)
			.jsonPath("$.items[?(@.action == 'macro-applied')].actorId")
			.isEqualTo(this.acme.agentId.toString())
			.jsonPath("$.items[?(@.action == 'routed')].changes.by.id")
			.isEqualTo(group);
		assertThat(eventTypes(id)).containsExactly("ticket.created", "ticket.status-changed", "ticket.updated",
				"ticket.assigned", "ticket.assigned", "ticket.commented");
	}

	@Test
	void aStaleOrMissingIfMatchChangesNothing() {
		String macro = create(Map.of("name", "Urgent " + UUID.randomUUID(), "actions", Map.of("priority", "URGENT"),
				"reply", Map.of("body", "Escalated by {{agent.name}}", "internal", true)));
		String id = raise();
		String stale = etag(id);
		this.acme.setStatus(id, "OPEN");

		assertProblem(apply(this.acme.agent, id, macro, stale), HttpStatus.PRECONDITION_FAILED,
				ProblemTypes.PRECONDITION_FAILED);
		assertProblem(apply(this.acme.agent, id, macro, null), HttpStatus.PRECONDITION_REQUIRED,
				ProblemTypes.PRECONDITION_REQUIRED);
		assertThat(this.calls.ticket(id).get("priority")).isEqualTo("NORMAL");
		assertThat(eventTypes(id)).containsExactly("ticket.created", "ticket.status-changed");

		apply(this.acme.admin, id, macro, etag(id)).expectStatus().isOk();
		this.calls.call(HttpMethod.GET, "/api/tickets/" + id + "/comments", this.acme.customer, null)
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(0);
		this.calls.call(HttpMethod.GET, "/api/tickets/" + id + "/comments", this.acme.agent, null)
			.expectBody()
			.jsonPath("$.items[0].internal")
			.isEqualTo(true);
	}

	@Test
	void rejectsUnknownPlaceholdersAndInvalidMacros() {
		save(HttpMethod.POST, "/api/admin/macros",
				Map.of("name", "Bad", "reply", Map.of("body", "Dear {{customer.name}}, {{ticket.subject}} {{ foo }}")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reply.body")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("customer.name", "foo")
				.doesNotContain("[ticket.subject"));
		List<Map<String, Object>> invalid = List.of(Map.of("name", "Nothing"),
				Map.of("actions", Map.of("priority", "HIGH")),
				Map.of("name", "Bad priority", "actions", Map.of("priority", "SOON")),
				Map.of("name", "Bad tags", "actions", Map.of("addTags", List.of("no spaces"))),
				Map.of("name", "Both", "actions", Map.of("addTags", List.of("x"), "removeTags", List.of("x"))),
				Map.of("name", "Unknown group", "actions", Map.of("groupId", UUID.randomUUID().toString())),
				Map.of("name", "Extra", "actions", Map.of("priority", "HIGH"), "colour", "red"),
				Map.of("name", "Extra action", "actions", Map.of("assignee", "me")),
				Map.of("name", "Empty reply", "reply", Map.of("body", " ")));
		for (Map<String, Object> body : invalid) {
			assertProblem(save(HttpMethod.POST, "/api/admin/macros", body), HttpStatus.BAD_REQUEST,
					ProblemTypes.VALIDATION);
		}
		String name = "Twice " + UUID.randomUUID();
		create(Map.of("name", name, "actions", Map.of("priority", "LOW")));
		assertProblem(
				save(HttpMethod.POST, "/api/admin/macros", Map.of("name", name, "actions", Map.of("priority", "LOW"))),
				HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
	}

	@Test
	void adminsWriteAgentsApplyCustomersAndOtherTenantsAreRefused() {
		String macro = create(Map.of("name", "Close " + UUID.randomUUID(), "actions", Map.of("status", "SOLVED")));
		String id = raise();
		Map<String, Object> body = Map.of("name", "Mine", "actions", Map.of("priority", "LOW"));
		for (String customer : List.of(this.acme.customer, this.acme.otherCustomer)) {
			assertProblem(this.calls.call(HttpMethod.POST, "/api/admin/macros", customer, body), HttpStatus.FORBIDDEN,
					ProblemTypes.FORBIDDEN);
			assertProblem(this.calls.call(HttpMethod.GET, "/api/admin/macros", customer, null), HttpStatus.FORBIDDEN,
					ProblemTypes.FORBIDDEN);
			assertProblem(apply(customer, id, macro, "*"), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		}
		assertProblem(this.calls.call(HttpMethod.POST, "/api/admin/macros", this.acme.agent, body),
				HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		assertProblem(this.calls.call(HttpMethod.PUT, "/api/admin/macros/" + macro, this.acme.agent, body),
				HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		this.calls.call(HttpMethod.GET, "/api/admin/macros", this.acme.agent, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.id == '" + macro + "')].actions.status")
			.isEqualTo("SOLVED");

		assertProblem(this.calls.call(HttpMethod.GET, "/api/admin/macros/" + macro, this.globex.admin, null),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		assertProblem(apply(this.globex.agent, id, macro, "*"), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		String theirs = (String) this.globex
			.raise(this.globex.customer, Map.of("subject", "Theirs", "description", "x"))
			.get("id");
		assertProblem(apply(this.acme.agent, theirs, macro, "*"), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		assertThat(eventTypes(theirs)).containsExactly("ticket.created");

		this.calls
			.call(HttpMethod.PUT, "/api/admin/macros/" + macro, this.acme.admin,
					Map.of("name", "Renamed " + UUID.randomUUID(), "actions", Map.of("priority", "LOW")))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.actions.priority")
			.isEqualTo("LOW");
		this.calls.call(HttpMethod.DELETE, "/api/admin/macros/" + macro, this.acme.admin, null)
			.expectStatus()
			.isNoContent();
		assertProblem(apply(this.acme.agent, id, macro, "*"), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
	}

	private String create(Map<String, Object> body) {
		return (String) save(HttpMethod.POST, "/api/admin/macros", body).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private WebTestClient.ResponseSpec save(HttpMethod method, String uri, Map<String, Object> body) {
		return this.calls.call(method, uri, this.acme.admin, body);
	}

	private WebTestClient.ResponseSpec apply(String token, String ticket, String macro, String ifMatch) {
		return this.web.post().uri("/api/tickets/{id}/macros/{macro}", ticket, macro).headers((headers) -> {
			headers.setBearerAuth(token);
			if (ifMatch != null) {
				headers.setIfMatch(ifMatch);
			}
		}).exchange();
	}

	private String raise() {
		return (String) this.acme
			.raise(this.acme.customer,
					Map.of("subject", "Refund please", "description", "Charged twice", "tags", List.of("new")))
			.get("id");
	}

	private String etag(String id) {
		return this.calls.call(HttpMethod.GET, "/api/tickets/" + id, this.acme.agent, null)
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
	}

	private List<String> eventTypes(String ticketId) {
		return this.database
			.sql("select payload::jsonb ->> 'type' as type from outbox_events where record_key = :key order by seq")
			.bind("key", ticketId)
			.map((row) -> row.get("type", String.class))
			.all()
			.collectList()
			.block();
	}

}
