package dev.deskflow.gateway;

import java.util.UUID;

import dev.deskflow.common.problem.ProblemTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class EdgeHygieneTest extends GatewayTestBase {

	@Test
	void answersAPreflightFromTheSpa() {
		this.web.options()
			.uri("/api/tickets")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,if-match")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("PATCH"));
	}

	@Test
	void refusesAPreflightFromAnotherOrigin() {
		this.web.options()
			.uri("/api/tickets")
			.header(HttpHeaders.ORIGIN, "https://evil.example.com")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void sendsSecurityHeadersOnProxiedAndRefusedResponses() {
		for (var spec : new org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?>[] {
				this.web.get()
					.uri("/api/tickets/1")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme")),
				this.web.get().uri("/api/tickets/1") }) {
			spec.exchange()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.value("Strict-Transport-Security", (hsts) -> assertThat(hsts).startsWith("max-age=31536000"))
				.expectHeader()
				.value("Content-Security-Policy",
						(csp) -> assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'"));
		}
	}

	@Test
	void refusesADeclaredBodyOverTheLimitWith413() {
		this.web.post()
			.uri("/api/tickets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[1024 * 1024 + 1])
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentType(MediaType.parseMediaType(ProblemTypes.MEDIA_TYPE))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.TOO_LARGE.toString());
	}

	@Test
	void cutsOffAStreamedBodyOverTheLimitWith413() {
		Flux<DataBuffer> chunks = Flux.range(0, 40)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
		this.web.post()
			.uri("/api/tickets/streamed")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.TOO_LARGE.toString());
	}

	@Test
	void forwardsABodyUnderTheLimit() {
		this.web.post()
			.uri("/api/tickets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"Printer on fire\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).contains("body-bytes: 27"));
	}

	@Test
	void forwardsARequestLineLongerThanNettysDefaultOf4KiB() {
		String longSearch = "printer".repeat(1_000);
		this.web.get()
			.uri("/api/tickets?q=" + longSearch)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).contains(longSearch));
	}

	@Test
	void refusesAUrlTheFirewallRejectsWithAProblem(@LocalServerPort int port) {
		for (String path : new String[] { "/api/tickets/%2e%2e/x", "/api/tickets/a%2Fb", "/api/tickets/a%5Cb",
				"/api/tickets/a%25b", "/api/tickets/a%00b" }) {
			this.web.get()
				.uri(java.net.URI.create("http://127.0.0.1:" + port + path))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(ProblemTypes.MEDIA_TYPE)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(400);
		}
	}

	@Test
	void letsACsvImportBeLargerThanOtherRequestsUpToItsOwnLimit() {
		byte[] twoMegabytes = new byte[2 * 1024 * 1024];
		this.web.post()
			.uri("/api/admin/imports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(twoMegabytes)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).contains("body-bytes: " + twoMegabytes.length));
		this.web.post()
			.uri("/api/admin/imports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(new byte[3 * 1024 * 1024 + 1])
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		this.web.post()
			.uri("/api/tickets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(twoMegabytes)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void echoesAndForwardsTheClientsRequestId() {
		String id = "spa-" + UUID.randomUUID();
		this.web.get()
			.uri("/api/tickets/with-id")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.header("X-Request-Id", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", id)
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).contains("x-request-id: " + id));
	}

	@Test
	void continuesTheClientsTraceDownstreamInASpanOfItsOwn() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		this.web.get()
			.uri("/api/tickets/traced")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((echo) -> assertThat(echo).containsPattern("traceparent: 00-" + traceId + "-[0-9a-f]{16}-01")
				.doesNotContain("00f067aa0ba902b7"));
	}

	@Test
	void givesARequestIdToEveryResponseAndProblem() {
		var result = this.web.get()
			.uri("/api/tickets/no-id")
			.header("X-Request-Id", "not a valid id!")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult();
		String id = result.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(id).isNotBlank().doesNotContain(" ");
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(result.getResponseBody()).contains("\"traceId\":\"" + id + "\"");
	}

	@Test
	void writesOneAccessLogLinePerRequestWithoutTheToken(CapturedOutput output) {
		String user = UUID.randomUUID().toString();
		String token = tokens.valid("acme", user);
		String id = "log-" + UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		this.web.get()
			.uri("/api/tickets/logged?q=secret")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-Request-Id", id)
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk();
		await().untilAsserted(() -> assertThat(output.getOut()).contains("requestId=" + id));
		String line = output.getOut().lines().filter((candidate) -> candidate.contains(id)).findFirst().orElseThrow();
		assertThat(line).contains("GET /api/tickets/logged ")
			.contains("status=200")
			.contains("tenant=acme")
			.contains("user=" + user)
			.contains("durationMs=")
			.as("the request's trace, from the MDC")
			.contains(traceId)
			.doesNotContain(token)
			.doesNotContain("secret");
	}

}
