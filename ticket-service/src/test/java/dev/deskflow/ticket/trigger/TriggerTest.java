package dev.deskflow.ticket.trigger;

import java.util.HashMap;
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

import static org.assertj.core.api.Assertions.assertThat;

class TriggerTest extends DeskTest {

	TenantDesk acme;

	TenantDesk globex;

	DeskAgents calls;

	@BeforeAll
	void desks() {
		this.acme = desk("trigger-acme");
		this.globex = desk("trigger-globex");
		this.calls = new DeskAgents(this.web, this.acme);
	}

	@Test
	void urgentBillingTicketsAreRoutedToTheBillingGroup() {
		DeskAgents.Agent billingAgent = this.calls.add("billing");
		String billing = this.calls.group("Billing", "ROUND_ROBIN", 10, List.of(billingAgent.id()));
		String trigger = create(Map.of("name", "Urgent billing", "event", "CREATED", "conditions",
				Map.of("priority", List.of("URGENT"), "category", List.of("Billing")), "actions",
				Map.of("groupId", billing, "addTags", List.of("escalated"))));

		Map<?, ?> routed = this.acme.raise(this.acme.customer, Map.of("subject", "Charged twice", "description",
				"Please refund", "priority", "URGENT", "category", "billing"));
		assertThat(routed.get("groupId")).isEqualTo(billing);
		assertThat(routed.get("assigneeId")).isEqualTo(billingAgent.id().toString());
		assertThat(routed.get("tags")).isEqualTo(List.of("escalated"));
		this.calls.call(HttpMethod.GET, "/api/tickets/" + routed.get("id") + "/history", this.acme.agent, null)
			.expectBody()
			.jsonPath("$.items[*].action")
			.isEqualTo(List.of("created", "triggered", "routed"))
			.jsonPath("$.items[1].changes.by.id")
			.isEqualTo(trigger)
			.jsonPath("$.items[1].changes.groupId.to")
			.isEqualTo(billing);

		Map<?, ?> normal = this.acme.raise(this.acme.customer,
				Map.of("subject", "Invoice copy", "description", "Please", "category", "billing"));
		assertThat(normal.get("groupId")).isNull();
		assertThat(normal.get("assigneeId")).isNull();
	}

	@Test
	void triggersThatUndoEachOtherFireOnceEachAndStop() {
		String tag = "ping" + UUID.randomUUID().toString().substring(0, 6);
		create(Map.of("name", "Ping", "event", "CREATED_OR_UPDATED", "conditions", Map.of("tags", List.of(tag)),
				"actions", Map.of("addTags", List.of(tag + "-pong"), "removeTags", List.of(tag))));
		create(Map.of("name", "Pong", "event", "CREATED_OR_UPDATED", "conditions",
				Map.of("tags", List.of(tag + "-pong")), "actions",
				Map.of("addTags", List.of(tag), "removeTags", List.of(tag + "-pong"))));

		Map<?, ?> ticket = this.acme.raise(this.acme.agent,
				Map.of("subject", "Loop", "description", "Round and round", "tags", List.of(tag)));
		assertThat(ticket.get("tags")).isEqualTo(List.of(tag));
		this.calls.call(HttpMethod.GET, "/api/tickets/" + ticket.get("id") + "/history", this.acme.agent, null)
			.expectBody()
			.jsonPath("$.items[*].action")
			.isEqualTo(List.of("created", "triggered", "triggered"))
			.jsonPath("$.items[*].changes.by.name")
			.isEqualTo(List.of("Ping", "Pong"));

		// an agent's own change starts a new chain: each fires once again
		this.acme.setStatus(ticket.get("id"), "OPEN");
		this.calls.call(HttpMethod.GET, "/api/tickets/" + ticket.get("id") + "/history", this.acme.agent, null)
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(6);
	}

	@Test
	void triggersRunInPositionOrderAndInactiveOnesNot() {
		String word = "order" + UUID.randomUUID().toString().substring(0, 6);
		create(Map.of("name", "Second " + word, "event", "CREATED", "position", 20, "conditions",
				Map.of("subjectContains", word.toUpperCase()), "actions", Map.of("priority", "LOW")));
		create(Map.of("name", "First " + word, "event", "CREATED", "position", 10, "conditions",
				Map.of("subjectContains", word), "actions", Map.of("priority", "HIGH", "category", "first")));
		create(Map.of("name", "Off " + word, "event", "CREATED", "active", false, "conditions",
				Map.of("subjectContains", word), "actions", Map.of("category", "never")));
		create(Map.of("name", "Later " + word, "event", "UPDATED", "conditions", Map.of("subjectContains", word),
				"actions", Map.of("category", "updated")));

		Map<?, ?> ticket = this.acme.raise(this.acme.customer,
				Map.of("subject", "About " + word, "description", "x", "channel", "WEB"));
		assertThat(ticket.get("priority")).isEqualTo("LOW");
		assertThat(ticket.get("category")).isEqualTo("first");
		this.acme.setStatus(ticket.get("id"), "OPEN");
		assertThat(this.calls.ticket(ticket.get("id")).get("category")).isEqualTo("updated");

		Map<?, ?> theirs = this.globex.raise(this.globex.customer,
				Map.of("subject", "About " + word, "description", "x"));
		assertThat(theirs.get("priority")).isEqualTo("NORMAL");
		assertThat(theirs.get("category")).isNull();
	}

	/**
	 * ticket-service keeps a tenant's triggers in memory (TenantRules); a change
	 * committed by another replica, here straight in the database, must apply to the next
	 * ticket.
	 */
	@Test
	void aTriggerChangedElsewhereAppliesToTheNextTicket() {
		String word = "replica" + UUID.randomUUID().toString().substring(0, 6);
		String trigger = create(Map.of("name", "Raise " + word, "event", "CREATED", "conditions",
				Map.of("subjectContains", word), "actions", Map.of("category", word)));
		Map<String, Object> ticket = Map.of("subject", "About " + word, "description", "x");
		assertThat(this.acme.raise(this.acme.customer, ticket).get("category")).isEqualTo(word);
		long version = rulesVersion();

		setActive(trigger, false);
		assertThat(rulesVersion()).isGreaterThan(version);
		assertThat(this.acme.raise(this.acme.customer, ticket).get("category")).isNull();
		setActive(trigger, true);
		assertThat(this.acme.raise(this.acme.customer, ticket).get("category")).isEqualTo(word);
	}

	private void setActive(String trigger, boolean active) {
		this.database.sql("update triggers set active = :active where id = :id")
			.bind("active", active)
			.bind("id", UUID.fromString(trigger))
			.then()
			.block();
	}

	private long rulesVersion() {
		return this.database.sql("select rules_version from tenants where id = :id")
			.bind("id", this.acme.tenantId)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	@Test
	void rejectsInvalidRules() {
		Map<String, Object> valid = Map.of("name", "Valid", "event", "CREATED", "conditions",
				Map.of("priority", List.of("HIGH")), "actions", Map.of("priority", "URGENT"));
		List<Map<String, Object>> invalid = List.of(with(valid, "name", " "), with(valid, "event", "DELETED"),
				without(valid, "event"), without(valid, "actions"), with(valid, "actions", Map.of()),
				with(valid, "actions", Map.of("status", "SOLVED")),
				with(valid, "actions", Map.of("groupId", UUID.randomUUID().toString())),
				with(valid, "actions", Map.of("addTags", List.of("x"), "removeTags", List.of("X"))),
				with(valid, "actions", Map.of("assignee", "me")),
				with(valid, "conditions", Map.of("colour", List.of("red"))),
				with(valid, "conditions", Map.of("priority", List.of("SOON"))),
				with(valid, "conditions", Map.of("priority", List.of())),
				with(valid, "conditions", Map.of("subjectContains", "  ")),
				with(valid, "conditions", Map.of("tags", List.of("two words"))), with(valid, "position", -1),
				with(valid, "extra", true));
		for (Map<String, Object> body : invalid) {
			assertProblem(this.calls.call(HttpMethod.POST, "/api/admin/triggers", this.acme.admin, body),
					HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		}
		String name = "Once " + UUID.randomUUID();
		create(with(valid, "name", name));
		assertProblem(
				this.calls.call(HttpMethod.POST, "/api/admin/triggers", this.acme.admin, with(valid, "name", name)),
				HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
	}

	@Test
	void triggersAreTheirTenantsAdmins() {
		Map<String, Object> body = Map.of("name", "Admins " + UUID.randomUUID(), "event", "UPDATED", "actions",
				Map.of("priority", "HIGH"), "conditions", Map.of("subjectContains", "never-matches-anything-here"));
		String trigger = create(body);
		for (String token : List.of(this.acme.customer, this.acme.agent)) {
			assertProblem(this.calls.call(HttpMethod.POST, "/api/admin/triggers", token, body), HttpStatus.FORBIDDEN,
					ProblemTypes.FORBIDDEN);
			assertProblem(this.calls.call(HttpMethod.GET, "/api/admin/triggers", token, null), HttpStatus.FORBIDDEN,
					ProblemTypes.FORBIDDEN);
			assertProblem(this.calls.call(HttpMethod.DELETE, "/api/admin/triggers/" + trigger, token, null),
					HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		}
		assertProblem(this.calls.call(HttpMethod.GET, "/api/admin/triggers/" + trigger, this.globex.admin, null),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		assertProblem(this.calls.call(HttpMethod.PUT, "/api/admin/triggers/" + trigger, this.globex.admin, body),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		this.calls.call(HttpMethod.PUT, "/api/admin/triggers/" + trigger, this.acme.admin, with(body, "active", false))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
		this.calls.call(HttpMethod.GET, "/api/admin/triggers", this.acme.admin, null)
			.expectBody()
			.jsonPath("$.items[?(@.id == '" + trigger + "')].active")
			.isEqualTo(false);
		this.calls.call(HttpMethod.DELETE, "/api/admin/triggers/" + trigger, this.acme.admin, null)
			.expectStatus()
			.isNoContent();
		assertProblem(this.calls.call(HttpMethod.GET, "/api/admin/triggers/" + trigger, this.acme.admin, null),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
	}

	private String create(Map<String, Object> body) {
		return (String) this.calls.call(HttpMethod.POST, "/api/admin/triggers", this.acme.admin, body)
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.put(field, value);
		return changed;
	}

	private static Map<String, Object> without(Map<String, Object> body, String field) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.remove(field);
		return changed;
	}

}
