package dev.deskflow.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.deskflow.common.problem.ProblemTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends GatewayTestBase {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "ticket", "ai", "realtime" })
	void servesEachServicesOpenApiDocument(String service) {
		this.web.get()
			.uri("/api/docs/" + service + "/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).startsWith("GET /v3/api-docs\n"));
	}

	@Test
	void routesAiAndRealtimeCalls() {
		String token = tokens.valid("acme");
		this.web.post()
			.uri("/api/ai/suggestions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.bodyValue("{\"text\":\"vpn\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).startsWith("POST /api/ai/suggestions\n"));
		this.web.post()
			.uri("/api/realtime/connect-tickets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).startsWith("POST /api/realtime/connect-tickets\n"));
	}

	@Test
	void routesAgentAvailabilityToTicketService() {
		this.web.put()
			.uri("/api/agents/me/availability")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.bodyValue("{\"availability\":\"AWAY\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).startsWith("PUT /api/agents/me/availability\n"));
	}

	@Test
	void carriesAWebSocketSessionBothWays() {
		List<String> received = new CopyOnWriteArrayList<>();
		ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
		client
			.execute(URI.create("ws://127.0.0.1:" + this.port + "/ws?ticket=one-time"),
					(session) -> session.send(Flux.just("hello", "world").map(session::textMessage))
						.thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).take(2))
						.doOnNext(received::add)
						.then())
			.as(StepVerifier::create)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(received).containsExactly("echo:hello", "echo:world");
	}

	@Test
	void retriesAFailedGet() {
		this.web.get()
			.uri("/api/tickets/flaky/get")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(services.calls("GET /api/tickets/flaky/get")).isEqualTo(2);
	}

	@Test
	void neverRetriesAWrite() {
		this.web.post()
			.uri("/api/tickets/flaky/post")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(services.calls("POST /api/tickets/flaky/post")).isEqualTo(1);
	}

	@Test
	void answersASlowServiceWithGatewayTimeoutProblem() {
		this.web.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.post()
			.uri("/api/tickets/slow")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE.toString());
	}

	@Test
	void sendsRateLimitHeadersWithEveryAnswer() {
		this.web.get()
			.uri("/api/tickets/counted")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("RateLimit-Limit")
			.expectHeader()
			.exists("RateLimit-Remaining")
			.expectHeader()
			.exists("RateLimit-Reset");
	}

}
