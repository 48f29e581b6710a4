package dev.deskflow.realtime.session;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several realtime-service instances behind the gateway behave as one: each consumes
 * every event (a consumer group per instance), delivers it once to its own sockets, and
 * appends it once to the tenant's replay stream, so both sockets see the same event id.
 */
class TwoInstancesTest extends RealtimeTestBase {

	@Test
	void eachInstanceDeliversAnEventOnceToItsSocketsWithTheSameReplayId() {
		String tenant = tenant("acme");
		int secondPort = SecondInstance.port();
		Client onFirst = connect(UUID.randomUUID(), tenant, Role.AGENT);
		// a connect ticket from one instance opens a socket on another: tickets live in
		// Redis
		Client onSecond = Client.open(secondPort, connectTicket(UUID.randomUUID(), tenant, Role.AGENT));
		onFirst.subscribe("queue");
		onSecond.subscribe("queue");

		UUID first = UUID.randomUUID();
		UUID then = UUID.randomUUID();
		publish(tenant, RealtimeSessionsTest.created(first, UUID.randomUUID()));
		publish(tenant, RealtimeSessionsTest.created(then, UUID.randomUUID()));
		await().until(() -> onFirst.events().size() >= 2 && onSecond.events().size() >= 2);

		// two tickets are two keys, possibly on two partitions read by two threads: order
		// holds per ticket only
		Map<String, String> firstSaw = replayIds(onFirst.events());
		assertThat(firstSaw).containsOnlyKeys(first.toString(), then.toString());
		assertThat(replayIds(onSecond.events())).isEqualTo(firstSaw);
		onFirst.close();
		onSecond.close();
	}

	/** Ticket id → replay id of each event; fails on a ticket delivered twice. */
	private static Map<String, String> replayIds(List<JsonNode> events) {
		return events.stream()
			.collect(Collectors.toMap((event) -> event.path("data").path("ticketId").asString(),
					(event) -> event.path("id").asString()));
	}

}
