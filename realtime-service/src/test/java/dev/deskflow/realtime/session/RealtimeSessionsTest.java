package dev.deskflow.realtime.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketCommented;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.common.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RealtimeSessionsTest extends RealtimeTestBase {

	@Autowired
	ConnectTickets tickets;

	@Autowired
	MeterRegistry meters;

	@Test
	void refusesTheUpgradeWithoutAValidUnusedTicket() {
		this.web.get()
			.uri("/ws")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType("application/problem+json");
		this.web.get().uri("/ws?ticket=made-up").exchange().expectStatus().isUnauthorized();
		String tenant = tenant("acme");
		String ticket = connectTicket(UUID.randomUUID(), tenant, Role.AGENT);
		Client first = Client.open(this.port, ticket);
		first.sendAndAwait("{\"type\":\"ping\"}", "pong");
		this.web.get().uri("/ws?ticket=" + ticket).exchange().expectStatus().isUnauthorized();
		String expired = this.tickets
			.issue(new SessionIdentity(UUID.randomUUID(), TenantId.of(tenant), UUID.randomUUID(), Role.AGENT,
					Instant.now().minusSeconds(1)))
			.block();
		this.web.get().uri("/ws?ticket=" + expired).exchange().expectStatus().isUnauthorized();
		first.close();
	}

	@Test
	void refusesAConnectTicketWithoutAccessToken() {
		this.web.post().uri("/api/realtime/connect-tickets").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void anAgentOnTheQueueSeesTheirTenantsNewTicketsOnly() {
		String acme = tenant("acme");
		String globex = tenant("globex");
		Client agent = connect(UUID.randomUUID(), acme, Role.AGENT);
		agent.subscribe("queue");
		UUID other = UUID.randomUUID();
		UUID mine = UUID.randomUUID();
		publish(globex, created(other, UUID.randomUUID()));
		publish(acme, created(mine, UUID.randomUUID()));
		await().until(() -> agent.events().size() >= 1);
		publish(acme, created(UUID.randomUUID(), UUID.randomUUID()));
		await().until(() -> agent.events().size() >= 2);
		assertThat(agent.events())
			.allSatisfy((event) -> assertThat(event.path("channel").asString()).isEqualTo("queue"));
		assertThat(agent.events().get(0).path("data").path("ticketId").asString()).isEqualTo(mine.toString());
		assertThat(agent.events())
			.noneMatch((event) -> event.path("data").path("ticketId").asString().equals(other.toString()));
		assertThat(this.meters.find("deskflow.realtime.delivery.delay").timer().count())
			.as("events handed to sockets, timed")
			.isGreaterThanOrEqualTo(2);
		agent.close();
	}

	@Test
	void aCustomerSeesPublicRepliesButNeverInternalNotesWhileTheAgentSeesBoth() {
		String tenant = tenant("acme");
		UUID customerId = UUID.randomUUID();
		UUID ticket = UUID.randomUUID();
		Client agent = connect(UUID.randomUUID(), tenant, Role.AGENT);
		agent.subscribe("ticket:" + ticket);
		publish(tenant, created(ticket, customerId));
		await().until(() -> agent.events().size() == 1);
		Client customer = connect(customerId, tenant, Role.CUSTOMER);
		customer.subscribe("ticket:" + ticket);
		publish(tenant, comment(ticket, true, "internal: customer is difficult"));
		publish(tenant, comment(ticket, false, "We are on it"));
		publish(tenant, new TicketStatusChanged(ticket, TicketStatus.NEW, TicketStatus.OPEN, UUID.randomUUID(), now()));
		await().until(() -> agent.events().size() == 4);
		await().until(() -> customer.events().size() == 2);
		assertThat(customer.events().get(0).path("eventType").asString()).isEqualTo("ticket.commented");
		assertThat(customer.events().get(0).path("data").path("body").asString()).isEqualTo("We are on it");
		assertThat(customer.events().get(0).path("data").has("internal")).isFalse();
		assertThat(customer.events().get(1).path("eventType").asString()).isEqualTo("ticket.status-changed");
		assertThat(customer.frames.toString()).doesNotContain("customer is difficult");
		assertThat(agent.events().get(1).path("data").path("internal").asBoolean()).isTrue();
		agent.close();
		customer.close();
	}

	@Test
	void aCustomerMayNotFollowAnotherCustomersTicketAndStaysConnected() {
		String tenant = tenant("acme");
		UUID ticket = UUID.randomUUID();
		Client agent = connect(UUID.randomUUID(), tenant, Role.AGENT);
		agent.subscribe("ticket:" + ticket);
		publish(tenant, created(ticket, UUID.randomUUID()));
		await().until(() -> agent.events().size() == 1);
		Client customer = connect(UUID.randomUUID(), tenant, Role.CUSTOMER);
		JsonNode error = customer.sendAndAwait("{\"type\":\"subscribe\",\"channel\":\"ticket:" + ticket + "\"}",
				"error");
		assertThat(error.path("code").asString()).isEqualTo("forbidden");
		assertThat(error.path("channel").asString()).isEqualTo("ticket:" + ticket);
		assertThat(customer.sendAndAwait("{\"type\":\"subscribe\",\"channel\":\"queue\"}", "error")
			.path("code")
			.asString()).isEqualTo("forbidden");
		customer.sendAndAwait("{\"type\":\"ping\"}", "pong");
		assertThat(customer.closed.get()).isNull();
		agent.close();
		customer.close();
	}

	@Test
	void anEventPublishedAgainReachesASocketOnce() {
		String tenant = tenant("acme");
		Client agent = connect(UUID.randomUUID(), tenant, Role.AGENT);
		agent.subscribe("queue");
		UUID ticket = UUID.randomUUID();
		EventEnvelope<?> created = EventEnvelope.of("/ticket-service", TenantId.of(tenant),
				created(ticket, UUID.randomUUID()));
		publish(created);
		// a relay that crashed before marking it sent publishes the same event again
		publish(created);
		UUID next = UUID.randomUUID();
		publish(tenant, created(next, UUID.randomUUID()));
		await().until(() -> agent.events()
			.stream()
			.anyMatch((event) -> next.toString().equals(event.path("data").path("ticketId").asString())));
		assertThat(agent.events())
			.filteredOn((event) -> ticket.toString().equals(event.path("data").path("ticketId").asString()))
			.hasSize(1);
		agent.close();
	}

	@Test
	void skipsRecordsThatAreNotEventsItKnowsAndDeliversTheNextOnes() throws Exception {
		String tenant = tenant("acme");
		Client agent = connect(UUID.randomUUID(), tenant, Role.AGENT);
		agent.subscribe("queue");
		UUID ticket = UUID.randomUUID();
		String newer = EVENTS
			.writeString(EventEnvelope.of("/ticket-service", TenantId.of(tenant),
					created(UUID.randomUUID(), UUID.randomUUID())))
			.replace("\"ticket.created\"", "\"ticket.merged\"");
		for (String value : List.of("{not json", "[]", "{\"type\":\"ticket.created\"}", newer)) {
			this.kafka.send(Topics.TICKET_EVENTS, ticket.toString(), value).get();
		}
		publish(tenant, created(ticket, UUID.randomUUID()));
		await().until(() -> agent.events().size() >= 1);
		assertThat(agent.events()).singleElement()
			.satisfies(
					(event) -> assertThat(event.path("data").path("ticketId").asString()).isEqualTo(ticket.toString()));
		agent.close();
	}

	@Test
	void answersMalformedFramesWithAnErrorAndKeepsTheSession() {
		Client agent = connect(UUID.randomUUID(), tenant("acme"), Role.AGENT);
		assertThat(agent.sendAndAwait("{not json", "error").path("code").asString()).isEqualTo("bad-frame");
		assertThat(agent.sendAndAwait("{\"type\":\"dance\"}", "error").path("code").asString()).isEqualTo("bad-frame");
		assertThat(agent.sendAndAwait("{\"type\":\"subscribe\",\"channel\":\"everything\"}", "error")
			.path("code")
			.asString()).isEqualTo("unknown-channel");
		agent.sendAndAwait("{\"type\":\"ping\"}", "pong");
		assertThat(agent.closed.get()).isNull();
		agent.close();
	}

	@Test
	void closesASessionThatSendsAFrameOverTheLimitWith1009() {
		Client agent = connect(UUID.randomUUID(), tenant("acme"), Role.AGENT);
		agent.sendAndAwait("{\"type\":\"ping\"}", "pong");
		// max-frame-bytes is 16 KB
		agent.send("{\"type\":\"ping\",\"padding\":\"" + "x".repeat(20_000) + "\"}");
		await().untilAsserted(() -> assertThat(agent.closed.get()).isNotNull()
			.extracting(org.springframework.web.reactive.socket.CloseStatus::getCode)
			.isEqualTo(1009));
		agent.close();
	}

	@Test
	void replaysMissedEventsAfterReconnectThenLiveWithoutGapOrDuplicate() {
		String tenant = tenant("acme");
		UUID agentId = UUID.randomUUID();
		UUID ticket = UUID.randomUUID();
		Client first = connect(agentId, tenant, Role.AGENT);
		first.subscribe("queue");
		publish(tenant, created(ticket, UUID.randomUUID()));
		publish(tenant, comment(ticket, false, "one"));
		await().until(() -> first.events().size() == 2);
		String lastSeen = first.events().get(1).path("id").asString();
		first.close();
		for (int i = 0; i < 5; i++) {
			publish(tenant, comment(ticket, false, "missed " + i));
		}
		Client second = connect(agentId, tenant, Role.AGENT);
		second.sendAndAwait("{\"type\":\"subscribe\",\"channel\":\"queue\",\"after\":\"" + lastSeen + "\"}",
				"subscribed");
		for (int i = 0; i < 3; i++) {
			publish(tenant, comment(ticket, false, "live " + i));
		}
		await().until(() -> second.events().size() >= 8);
		List<String> bodies = second.events()
			.stream()
			.map((event) -> event.path("data").path("body").asString())
			.toList();
		assertThat(bodies).containsExactly("missed 0", "missed 1", "missed 2", "missed 3", "missed 4", "live 0",
				"live 1", "live 2");
		List<String> ids = second.events().stream().map((event) -> event.path("id").asString()).toList();
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(ids).isSortedAccordingTo(dev.deskflow.realtime.replay.StreamIds::compare);
		second.close();
	}

	@Test
	void tellsToReloadWhenTheLastSeenEventIsBeyondRetention() {
		String tenant = tenant("acme");
		Client agent = connect(UUID.randomUUID(), tenant, Role.AGENT);
		agent.subscribe("queue");
		publish(tenant, created(UUID.randomUUID(), UUID.randomUUID()));
		await().until(() -> agent.events().size() == 1);
		JsonNode reload = agent.sendAndAwait("{\"type\":\"subscribe\",\"channel\":\"mine\",\"after\":\"1-0\"}",
				"reload");
		assertThat(reload.path("channel").asString()).isEqualTo("mine");
		agent.close();
	}

	static TicketCreated created(UUID ticket, UUID requester) {
		return new TicketCreated(ticket, requester, "Printer on fire", "It is on fire", TicketStatus.NEW,
				TicketPriority.NORMAL, null, List.of(), TicketChannel.WEB, now());
	}

	static TicketCommented comment(UUID ticket, boolean internal, String body) {
		return new TicketCommented(ticket, UUID.randomUUID(), UUID.randomUUID(), Role.AGENT, body, internal, now());
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
