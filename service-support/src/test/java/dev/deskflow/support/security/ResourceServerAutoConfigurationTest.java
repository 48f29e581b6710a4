package dev.deskflow.support.security;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shared resource-server set-up against a JWKS served over HTTP: a token made like
 * ticket-service's gets through, and each forgery or stale token, made the same way but
 * for the one thing changed, gets a 401 problem.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ResourceServerAutoConfigurationTest.App.class)
@AutoConfigureWebTestClient
class ResourceServerAutoConfigurationTest {

	static final RSAKey KEY = rsaKey("key-1");

	static final DisposableServer JWKS = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.get("/.well-known/jwks.json",
				(request, response) -> response.header("Content-Type", "application/json")
					.sendString(Mono.just(new JWKSet(KEY.toPublicJWK()).toString()))))
		.bindNow();

	@DynamicPropertySource
	static void jwks(DynamicPropertyRegistry registry) {
		registry.add("deskflow.security.jwks-uri", () -> "http://127.0.0.1:" + JWKS.port() + "/.well-known/jwks.json");
	}

	@AfterAll
	static void stopJwks() {
		JWKS.disposeNow();
	}

	@Autowired
	WebTestClient web;

	final UUID userId = UUID.randomUUID();

	final UUID tenantId = UUID.randomUUID();

	@Test
	void letsAValidTokenThroughAndReadsTheUserFromIt() throws JOSEException {
		call(signed(KEY, claims((c) -> {
		}))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.userId")
			.isEqualTo(this.userId.toString())
			.jsonPath("$.tenantId")
			.isEqualTo(this.tenantId.toString())
			.jsonPath("$.tenant")
			.isEqualTo("acme")
			.jsonPath("$.role")
			.isEqualTo("CUSTOMER");
	}

	@Test
	void refusesARequestWithoutToken() {
		assertUnauthorized(this.web.get().uri("/api/me").exchange());
	}

	@Test
	void refusesAnExpiredToken() throws JOSEException {
		Instant past = Instant.now().minusSeconds(600);
		assertUnauthorized(call(signed(KEY,
				claims((c) -> c.issueTime(Date.from(past))
					.notBeforeTime(Date.from(past))
					.expirationTime(Date.from(past.plusSeconds(300)))))));
	}

	@Test
	void refusesATokenOfAnotherIssuer() throws JOSEException {
		assertUnauthorized(call(signed(KEY, claims((c) -> c.issuer("https://evil.example")))));
	}

	@Test
	void refusesATokenForAnotherAudience() throws JOSEException {
		assertUnauthorized(call(signed(KEY, claims((c) -> c.audience("some-other-api")))));
	}

	@Test
	void refusesATokenSignedWithAnotherKeyUnderAPublishedKid() throws JOSEException {
		assertUnauthorized(call(signed(rsaKey("key-1"), claims((c) -> {
		}))));
	}

	@Test
	void refusesAnUnsignedToken() {
		assertUnauthorized(call(new PlainJWT(claims((c) -> {
		})).serialize()));
	}

	@Test
	void refusesAnHmacTokenEvenWithThePublicKeyAsSecret() throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims((c) -> {
		}));
		byte[] secret = KEY.toPublicJWK().toRSAPublicKey().getEncoded();
		jwt.sign(new MACSigner(secret));
		assertUnauthorized(call(jwt.serialize()));
	}

	@Test
	void refusesATokenWithoutDeskflowClaims() throws JOSEException {
		assertUnauthorized(call(signed(KEY, claims((c) -> c.claim(AuthenticatedUser.TENANT, null)))));
	}

	@Test
	void answersARoleThatMayNotWith403Problem() throws JOSEException {
		String customerToken = signedQuietly();
		this.web.get()
			.uri("/api/staff")
			.headers((headers) -> headers.setBearerAuth(customerToken))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/forbidden");
	}

	@Test
	void leavesHealthAndTheServicesOwnPublicPathsOpen() {
		this.web.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.web.get().uri("/open").exchange().expectStatus().isOk();
	}

	@Test
	void answersAParameterNameTheFirewallRefusesWhenAControllerReadsItWithAProblem(@LocalServerPort int port)
			throws JOSEException {
		String token = signedQuietly();
		echo(port, "%0A=1&q=fine", token).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/validation");
		echo(port, "q=fine", token).expectStatus().isOk().expectBody(String.class).isEqualTo("fine");
	}

	/** The query is sent as it is, not encoded again. */
	private WebTestClient.ResponseSpec echo(int port, String query, String token) {
		return this.web.get()
			.uri(URI.create("http://127.0.0.1:" + port + "/api/me/echo?" + query))
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private String signedQuietly() throws JOSEException {
		return signed(KEY, claims((c) -> {
		}));
	}

	private WebTestClient.ResponseSpec call(String token) {
		return this.web.get().uri("/api/me").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static void assertUnauthorized(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType("application/problem+json")
			.expectHeader()
			.exists("WWW-Authenticate")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080")
			.audience("deskflow-api")
			.subject(this.userId.toString())
			.claim(AuthenticatedUser.TENANT, "acme")
			.claim(AuthenticatedUser.TENANT_ID, this.tenantId.toString())
			.claim(AuthenticatedUser.ROLES, List.of("CUSTOMER"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(900)))
			.jwtID(UUID.randomUUID().toString());
		change.accept(claims);
		return claims.build();
	}

	private static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static RSAKey rsaKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootApplication
	@Import(MeController.class)
	static class App {

		@Bean
		ExchangeAuthorizations openAndStaffPaths() {
			return (exchanges) -> exchanges.pathMatchers("/open")
				.permitAll()
				.pathMatchers("/api/staff")
				.hasAnyRole("AGENT", "ADMIN");
		}

	}

	@RestController
	static class MeController {

		@GetMapping("/api/me")
		Mono<AuthenticatedUser> me() {
			return AuthenticatedUser.current();
		}

		@GetMapping("/api/me/echo")
		Mono<String> echo(@RequestParam String q) {
			return Mono.just(q);
		}

		@GetMapping("/api/staff")
		Mono<String> staff() {
			return Mono.just("staff only");
		}

		@GetMapping("/open")
		Mono<String> open() {
			return Mono.just("open");
		}

	}

}
