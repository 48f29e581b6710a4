package dev.deskflow.realtime.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.testsupport.LocalRedis;
import dev.deskflow.testsupport.Ports;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events published while Redis is down are not lost: the fan-out keeps retrying their
 * batch, and once Redis is back they reach the replay stream. The instance runs on a
 * Redis of its own, which the test stops and starts again on the same port.
 */
class RedisOutageTest extends RealtimeTestBase {

	@Test
	void eventsPublishedWhileRedisIsDownReachTheStreamOnceItIsBack() {
		int port = Ports.freePort();
		String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 8) + ":";
		Map<String, String> settings = Map.of("spring.data.redis.port", Integer.toString(port),
				"deskflow.realtime.instance-id", "pod-" + prefix.replace(":", ""), "deskflow.realtime.redis-key-prefix",
				prefix);
		String tenant = tenant("acme");
		UUID before = UUID.randomUUID();
		List<UUID> whileDown = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		LocalRedis redis = LocalRedis.start(port, null);
		try (ConfigurableApplicationContext instance = SecondInstance.start(settings)) {
			ReactiveStringRedisTemplate template = instance.getBean(ReactiveStringRedisTemplate.class);
			publish(tenant, RealtimeSessionsTest.created(before, UUID.randomUUID()));
			await().until(() -> streamed(template, prefix, tenant).stream()
				.anyMatch((json) -> json.contains(before.toString())));

			redis.close();
			whileDown.forEach((ticket) -> publish(tenant, RealtimeSessionsTest.created(ticket, UUID.randomUUID())));
			MeterRegistry meters = instance.getBean(MeterRegistry.class);
			// the batch failed and is being tried again, with the consumer paused
			await().atMost(java.time.Duration.ofMinutes(1))
				.until(() -> meters.counter("deskflow.realtime.fanout.failures").count() >= 3);

			redis = LocalRedis.start(port, null);
			await().atMost(java.time.Duration.ofMinutes(1))
				.ignoreExceptions() // until the client has reconnected
				.untilAsserted(() -> assertThat(streamed(template, prefix, tenant))
					.filteredOn((json) -> whileDown.stream().anyMatch((ticket) -> json.contains(ticket.toString())))
					.hasSize(whileDown.size()));
		}
		finally {
			redis.close();
		}
	}

	private static List<String> streamed(ReactiveStringRedisTemplate redis, String prefix, String tenant) {
		return redis.opsForStream()
			.range(prefix + "stream:" + tenant, Range.unbounded())
			.map((record) -> (String) record.getValue().get("e"))
			.collectList()
			.block();
	}

}
