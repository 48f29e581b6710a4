package dev.deskflow.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.deskflow.common.problem.ProblemTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest extends GatewayTestBase {

	static Stream<Arguments> attacks() {
		Instant now = Instant.now();
		return Stream.of(Arguments.of("alg none", Tokens.unsigned()),
				Arguments.of("HS256 with the public key", tokens.hs256WithThePublicKey()),
				Arguments.of("expired",
						tokens.with((claims) -> claims.issueTime(Date.from(now.minusSeconds(3600)))
							.notBeforeTime(Date.from(now.minusSeconds(3600)))
							.expirationTime(Date.from(now.minusSeconds(120))))),
				Arguments.of("not yet valid",
						tokens.with((claims) -> claims.notBeforeTime(Date.from(now.plusSeconds(600))))),
				Arguments.of("wrong issuer", tokens.with((claims) -> claims.issuer("https://evil.example.com"))),
				Arguments.of("wrong audience", tokens.with((claims) -> claims.audience("another-api"))),
				Arguments.of("signed by an unknown key", tokens.signedByAStranger()),
				Arguments.of("tampered claims", tamper(tokens.valid("acme"))), Arguments.of("garbage", "not-a-jwt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void refusesForgedOrStaleTokensWithProblem401(String attack, String token) {
		this.web.get()
			.uri("/api/tickets/attack")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.parseMediaType(ProblemTypes.MEDIA_TYPE))
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.UNAUTHORIZED.toString())
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.traceId")
			.isNotEmpty();
		assertThat(services.calls("GET /api/tickets/attack")).as("the service never saw the call").isZero();
	}

	@Test
	void refusesACallWithoutTokenWithProblem401() {
		this.web.get()
			.uri("/api/tickets")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
	}

	@Test
	void relaysAValidTokenUnchangedAndStripsSpoofedIdentityHeaders() {
		String token = tokens.valid("acme", UUID.randomUUID().toString());
		String echo = this.web.get()
			.uri("/api/tickets/42")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-Tenant-Id", "globex")
			.header("x-tenant-slug", "globex")
			.header("X-User-Id", "admin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo).startsWith("GET /api/tickets/42")
			.contains("authorization: Bearer " + token)
			.doesNotContain("x-tenant-")
			.doesNotContain("x-user-")
			.doesNotContain("globex");
	}

	@Test
	void picksUpARotatedSigningKeyWithoutRestart() {
		this.web.get()
			.uri("/api/tickets/before-rotation")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk();
		int fetches = tokens.jwksFetches();
		String oldKid = tokens.currentKid();

		tokens.rotate();

		assertThat(tokens.currentKid()).isNotEqualTo(oldKid);
		this.web.get()
			.uri("/api/tickets/after-rotation")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(tokens.jwksFetches()).as("the unknown kid made the gateway fetch the JWKS again")
			.isGreaterThan(fetches);
	}

	@Test
	void cachesTheKeySetBetweenCalls() {
		this.web.get()
			.uri("/api/tickets/warm")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.exchange()
			.expectStatus()
			.isOk();
		int fetches = tokens.jwksFetches();
		for (int i = 0; i < 3; i++) {
			this.web.get()
				.uri("/api/tickets/cached")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(tokens.jwksFetches()).isEqualTo(fetches);
	}

	@Test
	void letsTheAllowListThroughWithoutToken() {
		this.web.post().uri("/api/auth/login").bodyValue("{}").exchange().expectStatus().isOk();
		this.web.post().uri("/api/auth/signup").bodyValue("{}").exchange().expectStatus().isOk();
		this.web.post().uri("/api/auth/logout").bodyValue("{}").exchange().expectStatus().isOk();
		this.web.get().uri("/api/auth/jwks").exchange().expectStatus().isOk();
		this.web.get().uri("/api/kb/articles?q=printer").exchange().expectStatus().isOk();
		this.web.get().uri("/api/kb/articles/0193").exchange().expectStatus().isOk();
		this.web.post().uri("/api/admin/tenants").bodyValue("{}").exchange().expectStatus().isOk();
		this.web.get().uri("/api/docs/ticket/v3/api-docs").exchange().expectStatus().isOk();
	}

	@Test
	void passesTheOperatorsOwnCredentialToTicketService() {
		for (String path : List.of("/api/admin/tenants", "/api/admin/tenants/acme", "/api/admin/signing-keys")) {
			this.web.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer local-operator-token")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((echo) -> assertThat(echo).contains("authorization: Bearer local-operator-token"));
		}
	}

	@Test
	void keepsEverythingElseBehindTheToken() {
		this.web.post().uri("/api/kb/articles").bodyValue("{}").exchange().expectStatus().isUnauthorized();
		this.web.get().uri("/api/admin/users").exchange().expectStatus().isUnauthorized();
		this.web.get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
		this.web.get().uri("/api/ai/models").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void ignoresAStaleTokenSentToTheRefreshCall() {
		String expired = tokens.with((claims) -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600))));
		this.web.post()
			.uri("/api/auth/refresh")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + expired)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void keepsTheCircuitBreakerFallbackInternal() {
		this.web.get()
			.uri("/fallback/ticket-service")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("acme"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.FORBIDDEN)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.FORBIDDEN.toString());
	}

	private static String tamper(String token) {
		String[] parts = token.split("\\.");
		String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
		String forged = claims.replace("\"acme\"", "\"globex\"");
		return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
				+ "." + parts[2];
	}

}
