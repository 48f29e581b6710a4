package dev.deskflow.gateway;

import java.util.Map;

import dev.deskflow.testsupport.Actuator;
import dev.deskflow.testsupport.RoundTrips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole gateway with its Actuator on the internal management port, in front of the stub
 * services and the JVM's real Redis.
 */
class GatewayTalksToItsServersTest {

	static Gateway gateway;

	@BeforeAll
	static void start() {
		gateway = Gateway.start(Map.of("management.server.port", "0"));
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void routesTicketPathsToTicketService() {
		gateway.client()
			.get()
			.uri("/api/tickets/42?status=OPEN")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestServers.TOKENS.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).startsWith("GET /api/tickets/42?status=OPEN\n"));
	}

	@Test
	void writesAndReadsBackARedisKeyUnderItsPrefix() {
		RoundTrips.assertRedisRoundTrip(gateway.bean(ReactiveStringRedisTemplate.class),
				gateway.bean(GatewayProperties.class).redisKeyPrefix());
	}

	@Test
	void isReadyWithRedisUpOnItsInternalManagementPort() {
		Actuator.assertReady(management(), "redis");
	}

	@Test
	void keepsActuatorOffThePublicPort() {
		gateway.client()
			.get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestServers.TOKENS.valid("acme"))
			.exchange()
			.expectStatus()
			.isNotFound();
		Actuator.assertLiveWithPrometheusMetrics(management(), "gateway");
	}

	/**
	 * The observations the gateway keeps are the ones the Grafana dashboards and alerts
	 * read; Spring Security's own are off (they cost CPU on every request for nothing).
	 */
	@Test
	void exportsTheMetricsTheDashboardsReadAndNoSecurityObservations() {
		routesTicketPathsToTicketService();
		WebTestClient prometheus = management().mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 << 20))
			.build();
		await().untilAsserted(() -> prometheus.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("http_server_requests_seconds_count{")
				.contains("http_server_requests_seconds_bucket{")
				.contains("http_client_requests_seconds_count{")
				.contains("deskflow_gateway_ratelimit_redis_seconds_bucket{")
				.contains("deskflow_gateway_ratelimit_decisions_total{")
				.doesNotContain("lettuce_seconds")
				.doesNotContain("spring_security_")));
	}

	private static WebTestClient management() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + gateway.managementPort()).build();
	}

}
