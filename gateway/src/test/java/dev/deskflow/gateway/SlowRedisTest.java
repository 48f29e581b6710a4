package dev.deskflow.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.deskflow.testsupport.SharedServers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Decision 005 with Redis slow rather than down: replies arrive around the
 * {@code redis-timeout}, so some decisions come from Redis and some from the local
 * buckets, and every request is still answered.
 */
class SlowRedisTest {

	/** Many: before the fix, about one request in a few thousand got no answer. */
	private static final int REQUESTS = 2000;

	private static final int CONCURRENCY = 8;

	static SlowRedis redis;

	static Gateway gateway;

	@BeforeAll
	static void startBehindSlowRedis() {
		redis = new SlowRedis(SharedServers.redis().port(), Duration.ofMillis(1));
		gateway = Gateway.start(Map.of("spring.data.redis.port", Integer.toString(redis.port()),
				"deskflow.gateway.rate-limits.redis-timeout", "1ms",
				"deskflow.gateway.rate-limits.plans.standard.user.capacity", "1000000",
				"deskflow.gateway.rate-limits.plans.standard.tenant.capacity", "1000000"));
	}

	@AfterAll
	static void stop() {
		gateway.close();
		redis.close();
	}

	@Test
	void answersEveryRequestWhenRedisRepliesAroundTheTimeout() {
		String token = TestServers.TOKENS.valid("acme", UUID.randomUUID().toString());
		WebClient client = WebClient.create("http://127.0.0.1:" + gateway.port());
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

		Flux.range(0, REQUESTS)
			.flatMap(
					(i) -> client.get()
						.uri("/api/tickets/{i}", i)
						.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					CONCURRENCY)
			.subscribe(statuses::add);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses).hasSize(REQUESTS));
		assertThat(List.copyOf(statuses)).containsOnly(200);
		MeterRegistry meters = gateway.bean(MeterRegistry.class);
		assertThat(meters.get("deskflow.gateway.ratelimit.fallbacks").counter().count()).isPositive();
	}

}
