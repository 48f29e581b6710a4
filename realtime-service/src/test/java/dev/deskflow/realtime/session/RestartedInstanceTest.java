package dev.deskflow.realtime.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance with a stable id ({@code DESKFLOW_REALTIME_INSTANCE_ID}) that is stopped
 * and started again resumes its consumer group: the events published while it was down
 * reach the replay stream, so its clients can replay them. The instance writes under a
 * key prefix of its own, so the test's main instance cannot append them for it.
 */
class RestartedInstanceTest extends RealtimeTestBase {

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Test
	void aRestartedInstanceAppendsWhatWasPublishedWhileItWasDown() {
		String prefix = "restart-" + UUID.randomUUID().toString().substring(0, 8) + ":";
		Map<String, String> settings = Map.of("deskflow.realtime.instance-id", "pod-" + prefix.replace(":", ""),
				"deskflow.realtime.redis-key-prefix", prefix);
		String tenant = tenant("acme");
		UUID before = UUID.randomUUID();
		List<UUID> whileDown = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		try (ConfigurableApplicationContext instance = SecondInstance.start(settings)) {
			publish(tenant, RealtimeSessionsTest.created(before, UUID.randomUUID()));
			await().until(() -> streamed(prefix, tenant).stream().anyMatch((json) -> json.contains(before.toString())));
		}
		whileDown.forEach((ticket) -> publish(tenant, RealtimeSessionsTest.created(ticket, UUID.randomUUID())));
		try (ConfigurableApplicationContext restarted = SecondInstance.start(settings)) {
			await().untilAsserted(() -> assertThat(streamed(prefix, tenant))
				.filteredOn((json) -> whileDown.stream().anyMatch((ticket) -> json.contains(ticket.toString())))
				.hasSize(whileDown.size()));
		}
	}

	private List<String> streamed(String prefix, String tenant) {
		return this.redis.opsForStream()
			.range(prefix + "stream:" + tenant, Range.unbounded())
			.map((record) -> (String) record.getValue().get("e"))
			.collectList()
			.block();
	}

}
