package dev.deskflow.gateway;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response timeout bounds how long a service may take to start its answer, not how
 * long the answer may take to arrive: a long answer already under way (a CSV export) is
 * passed through whole, however long its writing outlasts that timeout and the breaker's
 * time limit (here 1 s and 2 s, against 3 s of writing).
 */
class LongAnswerTest {

	static Gateway gateway;

	@BeforeAll
	static void startWithAShortResponseTimeout() {
		gateway = Gateway.start(Map.of("deskflow.gateway.resilience.response-timeouts.ticket", "1s",
				"deskflow.gateway.resilience.get-retries", "0"));
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void passesALongAnswerThroughWhole() {
		String body = gateway.client()
			.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/api/tickets/export/trickle")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestServers.TOKENS.valid("acme"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.OK)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).isNotNull();
		assertThat(body.lines()).hasSize(EchoService.TRICKLE_LINES).endsWith("line " + EchoService.TRICKLE_LINES);
	}

}
