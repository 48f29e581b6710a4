package dev.deskflow.gateway;

import dev.deskflow.testsupport.Actuator;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.testsupport.RoundTrips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureWebTestClient
@RealServers(redis = true)
class GatewayTalksToItsServersTest {

	/** A real HTTP server standing in for ticket-service: it echoes the path it got. */
	static final DisposableServer ticketService = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request, response) -> response.header("Content-Type", "text/plain")
			.sendString(Mono.just("ticket-service got " + request.uri())))
		.bindNow();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("deskflow.gateway.services.ticket", () -> "http://127.0.0.1:" + ticketService.port());
	}

	@AfterAll
	static void stopTicketService() {
		ticketService.disposeNow();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	GatewayProperties properties;

	@LocalManagementPort
	int managementPort;

	@Test
	void routesTicketPathsToTicketService() {
		this.web.get()
			.uri("/api/tickets/42?status=OPEN")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("ticket-service got /api/tickets/42?status=OPEN");
	}

	@Test
	void writesAndReadsBackARedisKeyUnderItsPrefix() {
		RoundTrips.assertRedisRoundTrip(this.redis, this.properties.redisKeyPrefix());
	}

	@Test
	void isReadyWithRedisUpOnItsInternalManagementPort() {
		Actuator.assertReady(management(), "redis");
	}

	@Test
	void keepsActuatorOffThePublicPort() {
		this.web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
		Actuator.assertLiveWithPrometheusMetrics(management(), "gateway");
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

}
