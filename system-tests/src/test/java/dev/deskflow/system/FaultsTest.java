package dev.deskflow.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults on the real platform, through the gateway: a client keeps writing while
 * ticket-service is killed with SIGKILL; the launcher restarts it, the client retries
 * with its Idempotency-Key, and afterwards every acknowledged write is there exactly once
 * and reached an agent's socket exactly once.
 */
class FaultsTest extends PlatformTest {

	@Test
	void killingTicketServiceInTheMiddleOfWritesLosesAndDuplicatesNothing() {
		Api.User customer = demoUser("customer02");
		Api.User agent = demoUser("agent2");
		String run = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		int writes = 60;
		Map<String, Integer> arrivals = new ConcurrentHashMap<>();
		try (LiveSocket socket = LiveSocket.open(api, platform.gateway(), agent, (frame, at) -> {
			if ("ticket.created".equals(frame.path("eventType").asString())) {
				arrivals.merge(frame.path("data").path("ticketId").asString(), 1, Integer::sum);
			}
		})) {
			socket.subscribe("queue");
			long pid = platform.serviceProcess("ticket-service").orElseThrow().pid();
			List<String> acknowledged = new ArrayList<>();
			Map<Integer, Integer> attempts = new HashMap<>();
			for (int i = 0; i < writes; i++) {
				if (i == writes / 3) {
					ProcessHandle.of(pid).orElseThrow().destroyForcibly();
				}
				int n = i;
				String key = run + "-" + n;
				String id = await("write " + n + " acknowledged").atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(250))
					.until(() -> {
						attempts.merge(n, 1, Integer::sum);
						return raise(customer, key, run, n);
					}, (ticket) -> ticket != null);
				acknowledged.add(id);
			}
			assertThat(attempts.values()).as("some writes were retried while ticket-service was down")
				.anyMatch((count) -> count > 1);
			assertThat(platform.serviceProcess("ticket-service").orElseThrow().pid()).isNotEqualTo(pid);

			// every acknowledged write exactly once: the run's tickets, by full-text
			// search
			List<String> found = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = api
					.get("/api/tickets?q=" + run + "&limit=100" + ((cursor != null) ? "&cursor=" + cursor : ""), agent)
					.body();
				page.path("items").forEach((ticket) -> found.add(ticket.path("id").asString()));
				cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
			}
			while (cursor != null);
			assertThat(found).hasSize(writes).containsExactlyInAnyOrderElementsOf(acknowledged);

			// and each reached the agent's socket exactly once
			await().atMost(Duration.ofSeconds(60)).until(() -> arrivals.keySet().containsAll(acknowledged));
			assertThat(acknowledged).allSatisfy((id) -> assertThat(arrivals.get(id)).isEqualTo(1));
		}
		assertThat(api.get("/api/tickets?limit=1", agent).status()).isEqualTo(200);
	}

	/**
	 * @return the ticket id when acknowledged, null when the write must be retried
	 */
	private static String raise(Api.User customer, String key, String run, int n) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/tickets"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + customer.token())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Fault " + run + " number " + n
					+ "\",\"description\":\"Written while ticket-service may be down.\"}"))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 201) {
				return Api.JSON.readTree(response.body()).path("id").asString();
			}
			assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
			return null;
		}
		catch (java.io.IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
