package dev.deskflow.gateway;

import java.time.Duration;
import java.util.Map;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.testsupport.Ports;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ai-service is dead: its breaker opens, the gateway answers 503 problem+json without
 * calling it, and closes the breaker once the service is back.
 */
class CircuitBreakerTest {

	static final int aiPort = Ports.freePort();

	static Gateway gateway;

	static EchoService revived;

	@BeforeAll
	static void startWithAiServiceDown() {
		gateway = Gateway.start(Map.of("deskflow.gateway.services.ai", "http://127.0.0.1:" + aiPort,
				"deskflow.gateway.resilience.breaker.sliding-window-size", "4",
				"deskflow.gateway.resilience.breaker.minimum-number-of-calls", "4",
				"deskflow.gateway.resilience.breaker.wait-in-open-state", "2s",
				"deskflow.gateway.resilience.breaker.permitted-calls-in-half-open-state", "1",
				"deskflow.gateway.resilience.max-concurrent-calls", "17"));
	}

	@AfterAll
	static void stop() {
		gateway.close();
		if (revived != null) {
			revived.stop();
		}
	}

	@Test
	void opensOnADeadServiceAndClosesAfterItRecovers() {
		CircuitBreaker breaker = gateway.bean(CircuitBreakerRegistry.class).circuitBreaker("ai-service");
		for (int i = 0; i < 4; i++) {
			recommendations().expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE.toString())
				.jsonPath("$.detail")
				.isEqualTo("ai-service could not be reached.");
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		long refusedBefore = breaker.getMetrics().getNumberOfNotPermittedCalls();

		recommendations().expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "2")
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("stopped calling it"));
		assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).as("answered without calling ai-service")
			.isEqualTo(refusedBefore + 1);

		revived = new EchoService(aiPort);

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> recommendations().expectStatus().isOk());
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void keepsOtherServicesReachableWhileOneIsDown() {
		client().get()
			.uri("/api/tickets/unaffected")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestServers.TOKENS.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void boundsConcurrentCallsPerServiceWithABulkhead() {
		client().get()
			.uri("/api/tickets/bulkhead")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestServers.TOKENS.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(gateway.bean(BulkheadRegistry.class)
			.bulkhead("ticket-service")
			.getBulkheadConfig()
			.getMaxConcurrentCalls()).isEqualTo(17);
	}

	private static WebTestClient.ResponseSpec recommendations() {
		return client().get()
			.uri("/api/ai/tickets/0193/recommendations")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestServers.TOKENS.valid("acme"))
			.exchange();
	}

	private static WebTestClient client() {
		return gateway.client();
	}

}
