package dev.deskflow.realtime;

import dev.deskflow.testsupport.Actuator;
import dev.deskflow.testsupport.Ports;
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

	@DynamicPropertySource
	static void nothingListens(DynamicPropertyRegistry registry) {
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
