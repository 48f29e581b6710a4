package dev.deskflow.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer and an agent of the demo tenant, through the gateway only, on the real
 * platform: sign-up, a ticket, live updates on both sockets, an internal note and a
 * public reply, solving it.
 */
class JourneyTest extends PlatformTest {

	@Test
	void aCustomersTicketIsAnsweredAndSolvedWhileBothWatchItLive() {
		String email = "journey-" + UUID.randomUUID() + "@example.com";
		Api.Answer signedUp = api.post("/api/auth/signup", null,
				Map.of("tenant", TENANT, "email", email, "password", "a long enough password", "name", "Jo Journey"));
		assertThat(signedUp.status()).as(String.valueOf(signedUp.body())).isEqualTo(201);
		Api.User customer = api.login(TENANT, email, "a long enough password");
		Api.User agent = demoUser("agent1");

		try (LiveSocket agentSocket = LiveSocket.open(api, platform.gateway(), agent);
				LiveSocket customerSocket = LiveSocket.open(api, platform.gateway(), customer)) {
			agentSocket.subscribe("queue");

			// while typing, the customer is offered published articles, never other
			// tickets
			Api.Answer deflection = api.post("/api/ai/suggestions", customer,
					Map.of("text", "The print button on the invoice page does nothing"));
			assertThat(deflection.status()).as(String.valueOf(deflection.body())).isEqualTo(200);
			assertThat(deflection.body().path("tickets").isEmpty()).isTrue();

			Api.Answer raised = api.post("/api/tickets", customer, Map.of("subject", "Cannot print invoices",
					"description", "The print button on the invoice page does nothing since this morning."));
			assertThat(raised.status()).as(String.valueOf(raised.body())).isEqualTo(201);
			String ticket = raised.body().path("id").asString();
			assertThat(raised.body().path("status").asString()).isEqualTo("NEW");
			agentSocket.awaitEvent("ticket.created", ticket);
			// ai-service answers every new ticket with recommendations, live on the
			// agent's
			// socket and over REST
			agentSocket.awaitEvent("recommendations.ready", ticket);
			Api.Answer recommendations = api.get("/api/ai/tickets/" + ticket + "/recommendations", agent);
			assertThat(recommendations.status()).as(String.valueOf(recommendations.body())).isEqualTo(200);
			assertThat(recommendations.body().path("model").isMissingNode()).isFalse();

			// the customer may follow the ticket once realtime-service has seen it
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				int from = customerSocket.frames.size();
				customerSocket.send("{\"type\":\"subscribe\",\"channel\":\"ticket:" + ticket + "\"}");
				JsonNode answer = customerSocket.await(from,
						(frame) -> List.of("subscribed", "error").contains(frame.path("type").asString()));
				assertThat(answer.path("type").asString()).isEqualTo("subscribed");
			});

			String note = "Internal: looks like the PDF renderer queue is stuck " + UUID.randomUUID();
			String reply = "We are on it and will write again within the hour.";
			assertThat(api.post("/api/tickets/" + ticket + "/comments", agent, Map.of("body", note, "internal", true))
				.status()).isEqualTo(201);
			assertThat(api.post("/api/tickets/" + ticket + "/comments", agent, Map.of("body", reply)).status())
				.isEqualTo(201);

			JsonNode replied = customerSocket.await(0,
					(frame) -> "ticket.commented".equals(frame.path("eventType").asString()));
			assertThat(replied.path("data").path("body").asString()).isEqualTo(reply);
			assertThat(bodies(api.get("/api/tickets/" + ticket + "/comments", customer).body())).containsExactly(reply);
			assertThat(bodies(api.get("/api/tickets/" + ticket + "/comments", agent).body()))
				.containsExactlyInAnyOrder(note, reply);
			agentSocket.await(0, (frame) -> note.equals(frame.path("data").path("body").asString()));

			Api.Answer read = api.get("/api/tickets/" + ticket, agent);
			String etag = read.header("ETag");
			Api.Answer solved = api.patch("/api/tickets/" + ticket, agent, etag, Map.of("status", "SOLVED"));
			assertThat(solved.status()).as(String.valueOf(solved.body())).isEqualTo(200);
			customerSocket.await(0, (frame) -> "ticket.status-changed".equals(frame.path("eventType").asString()));
			Api.Answer stale = api.patch("/api/tickets/" + ticket, agent, etag, Map.of("priority", "HIGH"));
			assertThat(stale.status()).isEqualTo(412);
			assertThat(stale.header("Content-Type")).startsWith("application/problem+json");

			// the customer's socket never carried the internal note
			assertThat(customerSocket.frames.toString()).doesNotContain(note);

			// the agent goes away; what happens meanwhile is replayed on the next socket
			String lastSeen = agentSocket.frames.stream()
				.filter((frame) -> "event".equals(frame.path("type").asString()))
				.reduce((first, second) -> second)
				.orElseThrow()
				.path("id")
				.asString();
			agentSocket.close();
			String thanks = "Thanks, printing works again.";
			assertThat(api.post("/api/tickets/" + ticket + "/comments", customer, Map.of("body", thanks)).status())
				.isEqualTo(201);
			try (LiveSocket back = LiveSocket.open(api, platform.gateway(), agent)) {
				back.send("{\"type\":\"subscribe\",\"channel\":\"queue\",\"after\":\"" + lastSeen + "\"}");
				JsonNode missed = back.await(0, (frame) -> thanks.equals(frame.path("data").path("body").asString()));
				assertThat(missed.path("eventType").asString()).isEqualTo("ticket.commented");
				assertThat(back.events(ticket)).extracting((frame) -> frame.path("id").asString())
					.doesNotHaveDuplicates();
			}
		}
	}

	@Test
	void theApiNeedsATokenAndSaysSoInProblemJson() {
		Api.Answer answer = api.get("/api/tickets", null);
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
	}

	private static List<String> bodies(JsonNode page) {
		return page.path("items").valueStream().map((comment) -> comment.path("body").asString()).toList();
	}

}
