package dev.deskflow.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.testsupport.Ports;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 005: with Redis unreachable the gateway fails open to its local limiter, which
 * still enforces the limits on this replica; no request fails because of Redis.
 */
class RedisOutageTest {

	static Gateway gateway;

	@BeforeAll
	static void startWithRedisDown() {
		gateway = Gateway.start(Map.of("spring.data.redis.port", Integer.toString(Ports.freePort()),
				"deskflow.gateway.rate-limits.plans.standard.user.capacity", "4",
				"deskflow.gateway.rate-limits.plans.standard.user.period", "1h"));
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void keepsServingAndLimitsLocallyWhileRedisIsDown() {
		String token = TestServers.TOKENS.valid("acme", UUID.randomUUID().toString());
		List<HttpStatus> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add(HttpStatus.valueOf(gateway.client()
				.get()
				.uri("/api/tickets")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectBody()
				.returnResult()
				.getStatus()
				.value()));
		}
		assertThat(statuses).containsExactly(HttpStatus.OK, HttpStatus.OK, HttpStatus.OK, HttpStatus.OK,
				HttpStatus.TOO_MANY_REQUESTS);
		MeterRegistry meters = gateway.bean(MeterRegistry.class);
		assertThat(meters.get("deskflow.gateway.ratelimit.fallbacks").counter().count()).isGreaterThanOrEqualTo(5);
		assertThat(meters.get("deskflow.gateway.ratelimit.decisions")
			.tag("store", "local")
			.tag("outcome", "limited")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void letsAnonymousCallsThroughWhileRedisIsDown() {
		gateway.client().post().uri("/api/auth/login").bodyValue("{}").exchange().expectStatus().isOk();
	}

}
