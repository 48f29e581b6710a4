package dev.deskflow.ticket.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import dev.deskflow.ticket.routing.DeskAgents.Agent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class GroupRoutingTest extends DeskTest {

	TenantDesk acme;

	TenantDesk globex;

	DeskAgents agents;

	@BeforeAll
	void desks() {
		this.acme = desk("route-acme");
		this.globex = desk("route-globex");
		this.agents = new DeskAgents(this.web, this.acme);
	}

	@Test
	void roundRobinSharesConcurrentTicketsEvenly() throws Exception {
		List<UUID> members = List.of(this.agents.add("rr1").id(), this.agents.add("rr2").id(),
				this.agents.add("rr3").id());
		String group = this.agents.group("Round " + UUID.randomUUID(), "ROUND_ROBIN", 100, members);

		raiseConcurrently(group, 12, "NORMAL");

		Map<UUID, Long> load = assignedPerAgent(group);
		assertThat(load).containsOnlyKeys(members);
		assertThat(load.values()).containsOnly(4L);
	}

	@Test
	void capacityIsNeverExceededAndWaitingTicketsGetTheFreedAgent() throws Exception {
		Agent first = this.agents.add("cap1");
		Agent second = this.agents.add("cap2");
		String group = this.agents.group("Capacity " + UUID.randomUUID(), "LEAST_LOADED", 2,
				List.of(first.id(), second.id()));

		List<String> raised = raiseConcurrently(group, 9, "NORMAL");

		Map<UUID, Long> load = assignedPerAgent(group);
		assertThat(load).containsEntry(first.id(), 2L).containsEntry(second.id(), 2L).containsEntry(null, 5L);
		String urgent = raise(group, "URGENT");
		assertThat(this.agents.ticket(urgent).get("assigneeId")).isNull();
		assertThat(assignedEvents(urgent)).containsExactly(group + "/");

		String solved = raised.stream()
			.filter((id) -> first.id().toString().equals(this.agents.ticket(id).get("assigneeId")))
			.findFirst()
			.orElseThrow();
		patch(first.token(), solved, Map.of("status", "SOLVED"));

		assertThat(this.agents.ticket(urgent).get("assigneeId")).isEqualTo(first.id().toString());
		assertThat(assignedPerAgent(group)).containsEntry(first.id(), 3L).containsEntry(null, 5L);
		assertThat(assignedEvents(urgent)).containsExactly(group + "/", group + "/" + first.id());
		this.agents.call(HttpMethod.GET, "/api/tickets/" + urgent + "/history", this.acme.agent, null)
			.expectBody()
			.jsonPath("$.items[?(@.action == 'routed')].changes.by.type")
			.isEqualTo("routing")
			.jsonPath("$.items[?(@.action == 'routed')].changes.assigneeId.to")
			.isEqualTo(first.id().toString());
	}

	@Test
	void waitingTicketsGoOutInSlaOrderWhenAnAgentComesOnlineAndWhenCapacityFrees() {
		TenantDesk desk = desk("route-sla");
		DeskAgents staff = new DeskAgents(this.web, desk);
		Map<String, Integer> minutes = Map.of("fast", 30, "medium", 120, "slow", 480);
		minutes
			.forEach((category, target) -> staff
				.call(HttpMethod.POST, "/api/admin/sla/policies", desk.admin,
						Map.of("name", category, "order", target, "priorities", List.of("NORMAL", "URGENT"), "category",
								category, "firstResponseMinutes", target, "atRiskMinutes", 10))
				.expectStatus()
				.isCreated());
		Agent agent = staff.add("sla-order");
		availability(agent.token(), "AWAY").expectStatus().isOk();
		String group = staff.group("SLA order", "ROUND_ROBIN", 1, List.of(agent.id()));
		// raised in an order that neither creation time nor priority would route in SLA
		// order:
		// the urgent ticket has no clock, so it waits for the ones that do
		Map<String, String> tickets = new LinkedHashMap<>();
		for (String category : List.of("slow", "fast", "medium", "none")) {
			tickets.put(category,
					(String) desk
						.raise(desk.agent,
								Map.of("subject", "Ticket " + category, "description", "Waits", "category", category,
										"priority", "none".equals(category) ? "URGENT" : "NORMAL", "groupId", group))
						.get("id"));
		}
		assertThat(tickets.values()).allSatisfy((id) -> assertThat(staff.ticket(id).get("assigneeId")).isNull());

		availability(agent.token(), "ONLINE").expectStatus().isOk();
		List<String> served = new ArrayList<>();
		for (int i = 0; i < tickets.size(); i++) {
			String assigned = tickets.entrySet()
				.stream()
				.filter((ticket) -> !served.contains(ticket.getKey()))
				.filter((ticket) -> agent.id().toString().equals(staff.ticket(ticket.getValue()).get("assigneeId")))
				.map(Map.Entry::getKey)
				.reduce((one, other) -> one + "+" + other)
				.orElse("nothing");
			served.add(assigned);
			if (!"nothing".equals(assigned) && !assigned.contains("+")) {
				patch(agent.token(), tickets.get(assigned), Map.of("status", "SOLVED")); // frees
																							// the
																							// slot
			}
		}
		assertThat(served).containsExactly("fast", "medium", "slow", "none");
	}

	@Test
	void leastLoadedPicksTheAgentWithFewestOpenTickets() {
		Agent busy = this.agents.add("busy");
		Agent idle = this.agents.add("idle");
		for (int i = 0; i < 2; i++) {
			String id = raise(null, "NORMAL");
			patch(this.acme.admin, id, Map.of("assigneeId", busy.id().toString()));
		}
		String group = this.agents.group("Least " + UUID.randomUUID(), "LEAST_LOADED", 10,
				List.of(busy.id(), idle.id()));

		assertThat(this.agents.ticket(raise(group, "NORMAL")).get("assigneeId")).isEqualTo(idle.id().toString());
		assertThat(this.agents.ticket(raise(group, "NORMAL")).get("assigneeId")).isEqualTo(idle.id().toString());
		List<Object> next = List.of(this.agents.ticket(raise(group, "NORMAL")).get("assigneeId"),
				this.agents.ticket(raise(group, "NORMAL")).get("assigneeId"));
		assertThat(next).containsExactlyInAnyOrder(busy.id().toString(), idle.id().toString());
	}

	@Test
	void awayAgentsAreSkippedUntilTheyComeOnline() {
		Agent present = this.agents.add("present");
		Agent away = this.agents.add("away");
		availability(away.token(), "AWAY").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("AWAY");
		String group = this.agents.group("Away " + UUID.randomUUID(), "ROUND_ROBIN", 10,
				List.of(present.id(), away.id()));

		assertThat(this.agents.ticket(raise(group, "HIGH")).get("assigneeId")).isEqualTo(present.id().toString());
		assertThat(this.agents.ticket(raise(group, "HIGH")).get("assigneeId")).isEqualTo(present.id().toString());
		this.agents
			.call(HttpMethod.PUT, "/api/agents/" + present.id() + "/availability", this.acme.admin,
					Map.of("status", "AWAY"))
			.expectStatus()
			.isOk();
		String waiting = raise(group, "HIGH");
		assertThat(this.agents.ticket(waiting).get("assigneeId")).isNull();

		availability(away.token(), "ONLINE").expectStatus().isOk();
		assertThat(this.agents.ticket(waiting).get("assigneeId")).isEqualTo(away.id().toString());
		this.agents.call(HttpMethod.GET, "/api/agents/me/availability", away.token(), null)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ONLINE");
	}

	@Test
	void rejectsInvalidGroups() {
		UUID agent = this.acme.agentId;
		List<Map<String, Object>> invalid = List.of(
				Map.of("routing", "ROUND_ROBIN", "capacity", 3, "members", List.of(agent)),
				Map.of("name", "x".repeat(101), "routing", "ROUND_ROBIN", "capacity", 3, "members", List.of(agent)),
				Map.of("name", "No mode", "capacity", 3, "members", List.of(agent)),
				Map.of("name", "Bad mode", "routing", "RANDOM", "capacity", 3, "members", List.of(agent)),
				Map.of("name", "No room", "routing", "ROUND_ROBIN", "capacity", 0, "members", List.of(agent)),
				Map.of("name", "Customer", "routing", "ROUND_ROBIN", "capacity", 3, "members",
						List.of(this.acme.customerId)),
				Map.of("name", "Stranger", "routing", "ROUND_ROBIN", "capacity", 3, "members",
						List.of(this.globex.agentId)),
				Map.of("name", "Extra", "routing", "ROUND_ROBIN", "capacity", 3, "members", List.of(agent), "colour",
						"red"));
		for (Map<String, Object> body : invalid) {
			assertProblem(this.agents.call(HttpMethod.POST, "/api/admin/groups", this.acme.admin, body),
					HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		}
		String name = "Billing " + UUID.randomUUID();
		this.agents.group(name, "ROUND_ROBIN", 3, List.of(agent));
		assertProblem(
				this.agents.call(HttpMethod.POST, "/api/admin/groups", this.acme.admin, Map.of("name",
						name.toUpperCase(), "routing", "LEAST_LOADED", "capacity", 3, "members", List.of())),
				HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
		assertProblem(this.agents.call(HttpMethod.PUT, "/api/agents/me/availability", this.acme.agent,
				Map.of("status", "BUSY")), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
	}

	@Test
	void groupsAreAdminsAndTenantsOwn() {
		String group = this.agents.group("Own " + UUID.randomUUID(), "ROUND_ROBIN", 3, List.of(this.acme.agentId));
		Map<String, Object> body = Map.of("name", "Mine", "routing", "ROUND_ROBIN", "capacity", 3, "members",
				List.of());
		for (String customer : List.of(this.acme.customer, this.acme.otherCustomer)) {
			assertProblem(this.agents.call(HttpMethod.POST, "/api/admin/groups", customer, body), HttpStatus.FORBIDDEN,
					ProblemTypes.FORBIDDEN);
			assertProblem(this.agents.call(HttpMethod.GET, "/api/admin/groups", customer, null), HttpStatus.FORBIDDEN,
					ProblemTypes.FORBIDDEN);
			assertProblem(this.agents.call(HttpMethod.GET, "/api/admin/groups/" + group, customer, null),
					HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
			assertProblem(
					this.agents.call(HttpMethod.PUT, "/api/agents/me/availability", customer, Map.of("status", "AWAY")),
					HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		}
		assertProblem(this.agents.call(HttpMethod.POST, "/api/admin/groups", this.acme.agent, body),
				HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		assertProblem(this.agents.call(HttpMethod.DELETE, "/api/admin/groups/" + group, this.acme.agent, null),
				HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		assertProblem(this.agents.call(HttpMethod.PUT, "/api/agents/" + this.acme.agentId + "/availability",
				this.acme.agent, Map.of("status", "AWAY")), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		this.agents.call(HttpMethod.GET, "/api/admin/groups/" + group, this.acme.agent, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.members[0]")
			.isEqualTo(this.acme.agentId.toString());

		assertProblem(this.agents.call(HttpMethod.GET, "/api/admin/groups/" + group, this.globex.admin, null),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		assertProblem(this.agents.call(HttpMethod.PUT, "/api/admin/groups/" + group, this.globex.admin, body),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		assertProblem(this.agents.call(HttpMethod.DELETE, "/api/admin/groups/" + group, this.globex.admin, null),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		assertProblem(this.agents.call(HttpMethod.PUT, "/api/agents/" + this.acme.agentId + "/availability",
				this.globex.admin, Map.of("status", "AWAY")), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		this.agents.call(HttpMethod.GET, "/api/admin/groups", this.globex.admin, null)
			.expectBody()
			.jsonPath("$.items[?(@.id == '" + group + "')]")
			.doesNotExist();
		assertProblem(
				this.agents.call(HttpMethod.POST, "/api/tickets", this.globex.agent,
						Map.of("subject", "Theirs", "description", "x", "groupId", group)),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		assertProblem(
				this.agents.call(HttpMethod.POST, "/api/tickets", this.acme.customer,
						Map.of("subject", "Mine", "description", "x", "groupId", group)),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);

		this.agents
			.call(HttpMethod.PUT, "/api/admin/groups/" + group, this.acme.admin,
					Map.of("name", "Renamed " + UUID.randomUUID(), "routing", "LEAST_LOADED", "capacity", 4, "members",
							List.of()))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.routing")
			.isEqualTo("LEAST_LOADED")
			.jsonPath("$.members.length()")
			.isEqualTo(0);
		this.agents.call(HttpMethod.DELETE, "/api/admin/groups/" + group, this.acme.admin, null)
			.expectStatus()
			.isNoContent();
		assertProblem(this.agents.call(HttpMethod.GET, "/api/admin/groups/" + group, this.acme.admin, null),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
	}

	@Test
	void manualAssignmentKeepsWorkingAndChecksTheAgentAndGroup() {
		String group = this.agents.group("Manual " + UUID.randomUUID(), "ROUND_ROBIN", 1, List.of(this.acme.agentId));
		String id = raise(null, "LOW");
		patch(this.acme.agent, id, Map.of("groupId", group, "assigneeId", this.acme.agentId.toString()));
		Map<?, ?> ticket = this.agents.ticket(id);
		assertThat(ticket.get("groupId")).isEqualTo(group);
		assertThat(ticket.get("assigneeId")).isEqualTo(this.acme.agentId.toString());
		for (Map<String, Object> bad : List.of(Map.<String, Object>of("assigneeId", this.acme.customerId.toString()),
				Map.<String, Object>of("assigneeId", this.globex.agentId.toString()),
				Map.<String, Object>of("groupId", UUID.randomUUID().toString()),
				Map.<String, Object>of("groupId", "not-a-group"))) {
			assertProblem(this.web.patch()
				.uri("/api/tickets/{id}", id)
				.headers((headers) -> headers.setBearerAuth(this.acme.agent))
				.header("If-Match", "*")
				.bodyValue(bad)
				.exchange(), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		}
	}

	private List<String> raiseConcurrently(String group, int count, String priority) throws Exception {
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			calls.add(() -> raise(group, priority));
		}
		return DeskAgents.concurrently(calls);
	}

	private String raise(String group, String priority) {
		Map<String, Object> body = new HashMap<>(
				Map.of("subject", "Printer on fire", "description", "Smoke", "priority", priority));
		if (group != null) {
			body.put("groupId", group);
		}
		return (String) this.acme.raise(this.acme.agent, body).get("id");
	}

	private void patch(String token, String id, Map<String, Object> fields) {
		String etag = this.agents.call(HttpMethod.GET, "/api/tickets/" + id, token, null)
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		this.web.patch()
			.uri("/api/tickets/{id}", id)
			.headers((headers) -> headers.setBearerAuth(token))
			.header("If-Match", etag)
			.bodyValue(fields)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec availability(String token, String status) {
		return this.agents.call(HttpMethod.PUT, "/api/agents/me/availability", token, Map.of("status", status));
	}

	/** The ticket's ticket.assigned events as "group/assignee". */
	private List<String> assignedEvents(String ticketId) {
		return this.database.sql(
				"select concat(payload::jsonb -> 'data' ->> 'groupId', '/', payload::jsonb -> 'data' ->> 'assigneeId') "
						+ "as assigned from outbox_events where record_key = :key "
						+ "and payload::jsonb ->> 'type' = 'ticket.assigned' order by seq")
			.bind("key", ticketId)
			.map((row) -> row.get("assigned", String.class))
			.all()
			.collectList()
			.block();
	}

	private Map<UUID, Long> assignedPerAgent(String group) {
		Map<UUID, Long> load = new HashMap<>();
		this.database
			.sql("select assignee_id, count(*) as n from tickets where tenant_id = :tenantId "
					+ "and group_id = :groupId group by assignee_id")
			.bind("tenantId", this.acme.tenantId)
			.bind("groupId", UUID.fromString(group))
			.map((row) -> Map.entry(Optional.ofNullable(row.get("assignee_id", UUID.class)), row.get("n", Long.class)))
			.all()
			.doOnNext((entry) -> load.put(entry.getKey().orElse(null), entry.getValue()))
			.blockLast();
		return load;
	}

}
