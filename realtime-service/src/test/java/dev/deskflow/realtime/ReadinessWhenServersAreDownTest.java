package dev.deskflow.realtime;

import java.util.UUID;

import dev.deskflow.testsupport.Actuator;
import dev.deskflow.testsupport.Ports;
import dev.deskflow.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service whose dependencies are down still starts, stays live, and says it is not
 * ready, naming the dependency, instead of failing with a stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ReadinessWhenServersAreDownTest {

	static final TestTokens TOKENS = TestTokens.start("down-key");

	@DynamicPropertySource
	static void nothingListens(DynamicPropertyRegistry registry) {
		registry.add("deskflow.security.jwks-uri", TOKENS::jwksUri);
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + Ports.freePort());
		registry.add("spring.data.redis.port", Ports::freePort);
		registry.add("deskflow.health.kafka-timeout", () -> "500ms");
	}

	@Autowired
	WebTestClient web;

	@Test
	void reportsNotReadyNamingKafkaWhenTheBrokerIsDown() {
		Actuator.assertNotReadyBecauseOf(this.web, "kafka");
	}

	@Test
	void reportsNotReadyNamingRedisWhenRedisIsDown() {
		Actuator.assertNotReadyBecauseOf(this.web, "redis");
	}

	@Test
	void answersConnectTicketsWith503WhileRedisIsDown() {
		this.web.post()
			.uri("/api/realtime/connect-tickets")
			.header("Authorization", "Bearer " + TOKENS.mint(UUID.randomUUID(), "acme", "AGENT"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType("application/problem+json");
	}

	@Test
	void staysLiveWhileItsDependenciesAreDown() {
		this.web.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

}
