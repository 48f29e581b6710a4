package dev.deskflow.realtime.session;

import java.util.UUID;

import dev.deskflow.common.tenant.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presence and typing between agents on two instances, as behind the gateway.
 */
class PresenceTest extends RealtimeTestBase {

	@Test
	void agentsOnTwoInstancesSeeWhoViewsAndWhoRepliesUntilTheyLeave() {
		String tenant = tenant("acme");
		UUID ticket = UUID.randomUUID();
		UUID alice = UUID.randomUUID();
		Client aliceSocket = connect(alice, tenant, Role.AGENT);
		Client bob = Client.open(SecondInstance.port(), connectTicket(UUID.randomUUID(), tenant, Role.AGENT));
		aliceSocket.subscribe("ticket:" + ticket);
		bob.subscribe("ticket:" + ticket);

		int before = bob.frames.size();
		aliceSocket.send(viewing(ticket, false));
		JsonNode viewing = awaitPresence(bob, before, 1);
		assertThat(viewing.path("viewers").get(0).asString()).isEqualTo(alice.toString());
		assertThat(viewing.path("replying").isEmpty()).isTrue();

		before = bob.frames.size();
		aliceSocket.send(viewing(ticket, true));
		JsonNode replying = bob.awaitFrame("presence", before);
		assertThat(replying.path("replying").get(0).asString()).isEqualTo(alice.toString());

		before = bob.frames.size();
		aliceSocket.send("{\"type\":\"leave\",\"ticket\":\"" + ticket + "\"}");
		awaitPresence(bob, before, 0);
		aliceSocket.close();
		bob.close();
	}

	@Test
	void aKilledClientDisappearsFromPresence() {
		String tenant = tenant("acme");
		UUID ticket = UUID.randomUUID();
		Client killed = connect(UUID.randomUUID(), tenant, Role.AGENT);
		Client watcher = Client.open(SecondInstance.port(), connectTicket(UUID.randomUUID(), tenant, Role.AGENT));
		killed.subscribe("ticket:" + ticket);
		watcher.subscribe("ticket:" + ticket);
		int before = watcher.frames.size();
		killed.send(viewing(ticket, false));
		awaitPresence(watcher, before, 1);

		before = watcher.frames.size();
		killed.close();
		awaitPresence(watcher, before, 0);
		watcher.close();
	}

	@Test
	void typingReachesOtherAgentsFollowingTheTicketButNeverTheTypistOrACustomer() {
		String tenant = tenant("acme");
		UUID customer = UUID.randomUUID();
		UUID ticket = UUID.randomUUID();
		publish(tenant, RealtimeSessionsTest.created(ticket, customer));
		UUID alice = UUID.randomUUID();
		Client typist = connect(alice, tenant, Role.AGENT);
		Client colleague = Client.open(SecondInstance.port(), connectTicket(UUID.randomUUID(), tenant, Role.AGENT));
		Client requester = connect(customer, tenant, Role.CUSTOMER);
		typist.subscribe("ticket:" + ticket);
		colleague.subscribe("ticket:" + ticket);
		await().untilAsserted(() -> assertThat(requester
			.sendAndAwait("{\"type\":\"subscribe\",\"channel\":\"ticket:" + ticket + "\"}", "subscribed|error")
			.path("type")
			.asString()).isEqualTo("subscribed"));

		int colleagueBefore = colleague.frames.size();
		typist.send("{\"type\":\"typing\",\"ticket\":\"" + ticket + "\"}");
		JsonNode typing = colleague.awaitFrame("typing", colleagueBefore);
		assertThat(typing.path("user").asString()).isEqualTo(alice.toString());
		assertThat(typing.path("ticket").asString()).isEqualTo(ticket.toString());

		// a ping answered after the typing frame was published proves nothing else came
		typist.sendAndAwait("{\"type\":\"ping\"}", "pong");
		requester.sendAndAwait("{\"type\":\"ping\"}", "pong");
		assertThat(typist.frames).noneMatch((frame) -> "typing".equals(frame.path("type").asString()));
		assertThat(requester.frames).noneMatch((frame) -> frame.path("type").asString().matches("typing|presence"));

		JsonNode refused = requester.sendAndAwait("{\"type\":\"typing\",\"ticket\":\"" + ticket + "\"}", "error");
		assertThat(refused.path("code").asString()).isEqualTo("forbidden");
		typist.close();
		colleague.close();
		requester.close();
	}

	private static String viewing(UUID ticket, boolean replying) {
		return "{\"type\":\"viewing\",\"ticket\":\"" + ticket + "\",\"replying\":" + replying + "}";
	}

	/**
	 * Waits for a presence frame, from {@code from} on, listing {@code viewers} viewers.
	 */
	private static JsonNode awaitPresence(Client client, int from, int viewers) {
		return await().until(() -> client.frames.stream()
			.skip(from)
			.filter((frame) -> "presence".equals(frame.path("type").asString())
					&& frame.path("viewers").size() == viewers)
			.findFirst()
			.orElse(null), (frame) -> frame != null);
	}

}
