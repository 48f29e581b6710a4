package dev.deskflow.ticket.identity;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.TicketProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityTest
class LogInTest {

	@Autowired
	WebTestClient web;

	@Autowired
	TicketProperties properties;

	Identities identities;

	@BeforeEach
	void setUp() {
		this.identities = new Identities(this.web, this.properties);
	}

	@Test
	void issuesAnAccessTokenWithTheClaimsOfDecision004() throws ParseException {
		Identities.NewTenant tenant = this.identities.tenant("claims");
		Instant before = Instant.now().minusSeconds(1);

		Identities.Tokens tokens = this.identities.tokens(tenant.slug(), tenant.adminEmail());

		assertThat(tokens.tokenType()).isEqualTo("Bearer");
		assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(15).toSeconds());
		SignedJWT jwt = SignedJWT.parse(tokens.accessToken());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isNotBlank();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "tenant", "tenant_id",
				"roles", "iat", "nbf", "exp", "jti");
		assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080");
		assertThat(claims.getAudience()).containsExactly("deskflow-api");
		assertThat(claims.getSubject()).isEqualTo(tenant.adminId().toString());
		assertThat(claims.getStringClaim("tenant")).isEqualTo(tenant.slug());
		assertThat(claims.getStringClaim("tenant_id")).isEqualTo(tenant.id().toString());
		assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN");
		assertThat(claims.getIssueTime().toInstant())
			.isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
	}

	@Test
	void publishesTheKeyThatVerifiesTheTokenAtBothJwksAddresses() throws ParseException, JOSEException {
		Identities.NewTenant tenant = this.identities.tenant("jwks");
		SignedJWT jwt = SignedJWT.parse(this.identities.tokens(tenant.slug(), tenant.adminEmail()).accessToken());

		for (String path : List.of("/.well-known/jwks.json", "/api/auth/jwks")) {
			String body = this.web.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			JWKSet set = JWKSet.parse(body);
			RSAKey key = (RSAKey) set.getKeyByKeyId(jwt.getHeader().getKeyID());
			assertThat(key).as("key %s in %s", jwt.getHeader().getKeyID(), path).isNotNull();
			assertThat(key.isPrivate()).isFalse();
			assertThat(body).doesNotContain("\"d\"", "\"p\"", "\"q\"");
			assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
			assertThat(key.size()).isEqualTo(2048);
			assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		}
	}

	@Test
	void letsTheFirstAdminCreateAnAgentAndACustomerSignUpAndEachLogIn() throws ParseException {
		Identities.NewTenant tenant = this.identities.tenant("people");
		String admin = this.identities.tokens(tenant.slug(), tenant.adminEmail()).accessToken();
		UUID agent = this.identities.createUser(admin, "Agent.One@" + tenant.slug() + ".test", "AGENT");
		this.web.post()
			.uri("/api/auth/signup")
			.bodyValue(Map.of("tenant", tenant.slug(), "email", "Carla@Example.COM", "password", Identities.PASSWORD,
					"name", "Carla Customer"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo("carla@example.com")
			.jsonPath("$.role")
			.isEqualTo("CUSTOMER")
			.jsonPath("$.passwordHash")
			.doesNotExist();

		String agentToken = this.identities.tokens(tenant.slug(), "agent.one@" + tenant.slug() + ".test").accessToken();
		String customerToken = this.identities.tokens(tenant.slug(), "CARLA@example.com").accessToken();

		assertThat(SignedJWT.parse(agentToken).getJWTClaimsSet().getSubject()).isEqualTo(agent.toString());
		assertThat(SignedJWT.parse(agentToken).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("AGENT");
		assertThat(SignedJWT.parse(customerToken).getJWTClaimsSet().getStringListClaim("roles"))
			.containsExactly("CUSTOMER");
	}

	@Test
	void answersWrongPasswordUnknownEmailAndUnknownTenantWithTheSame401() {
		Identities.NewTenant tenant = this.identities.tenant("same401");
		List<byte[]> bodies = List.of(
				body(this.identities.logIn(tenant.slug(), tenant.adminEmail(), "wrong password!")),
				body(this.identities.logIn(tenant.slug(), "nobody@" + tenant.slug() + ".test", Identities.PASSWORD)),
				body(this.identities.logIn(Identities.uniqueSlug("no-such"), tenant.adminEmail(),
						Identities.PASSWORD)));

		List<String> comparable = bodies.stream()
			.map((bytes) -> new String(bytes).replaceAll("\"traceId\":\"[^\"]*\"", ""))
			.toList();
		assertThat(comparable.get(0)).contains(ProblemTypes.UNAUTHORIZED.toString())
			.contains("The tenant, e-mail or password is wrong.");
		assertThat(comparable).containsOnly(comparable.get(0));
	}

	@Test
	void refusesAnInactiveUserWithTheSame401() {
		Identities.NewTenant tenant = this.identities.tenant("inactive");
		String admin = this.identities.tokens(tenant.slug(), tenant.adminEmail()).accessToken();
		String email = "leaver@" + tenant.slug() + ".test";
		UUID agent = this.identities.createUser(admin, email, "AGENT");
		this.identities.tokens(tenant.slug(), email);

		this.web.patch()
			.uri("/api/admin/users/{id}", agent)
			.headers((headers) -> headers.setBearerAuth(admin))
			.bodyValue(Map.of("active", false))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);

		Identities.assertUnauthorized(this.identities.logIn(tenant.slug(), email, Identities.PASSWORD));
	}

	@Test
	void locksAnAccountAfterFiveFailuresWith429AndRetryAfterEvenForTheRightPassword() {
		Identities.NewTenant tenant = this.identities.tenant("brute");
		for (int i = 0; i < 5; i++) {
			Identities
				.assertUnauthorized(this.identities.logIn(tenant.slug(), tenant.adminEmail(), "guess number " + i));
		}

		WebTestClient.ResponseSpec locked = this.identities.logIn(tenant.slug(), tenant.adminEmail(),
				Identities.PASSWORD);

		Identities.assertProblem(locked, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED);
		locked.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
	}

	@Test
	void resetsTheAccountCountAfterASuccessfulLogIn() {
		Identities.NewTenant tenant = this.identities.tenant("reset");
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				Identities.assertUnauthorized(this.identities.logIn(tenant.slug(), tenant.adminEmail(), "guess " + i));
			}
			this.identities.tokens(tenant.slug(), tenant.adminEmail());
		}
	}

	@Test
	void limitsFailuresPerClientAddressAcrossAccounts() {
		Identities.NewTenant tenant = this.identities.tenant("address");
		int limit = this.properties.identity().bruteForce().addressFailures();
		for (int i = 0; i < limit; i++) {
			// a different account each time: only the address limit can trip
			Identities.assertUnauthorized(
					this.identities.logIn(tenant.slug(), "user" + i + "@" + tenant.slug() + ".test", "wrong password"));
		}

		Identities.assertProblem(this.identities.logIn(tenant.slug(), tenant.adminEmail(), Identities.PASSWORD),
				HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED);
		// another address is not affected
		new Identities(this.web, this.properties).tokens(tenant.slug(), tenant.adminEmail());
	}

	@Test
	void rejectsInvalidLogInsListingTheFields() {
		this.web.post()
			.uri("/api/auth/login")
			.bodyValue(Map.of("tenant", "Not A Slug", "email", "not-an-email", "password", ""))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.VALIDATION.toString())
			.jsonPath("$.errors[?(@.field == 'tenant')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'email')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'password')]")
			.exists();
	}

	@Test
	void rejectsUnknownFields() {
		Identities.assertProblem(this.web.post()
			.uri("/api/auth/login")
			.bodyValue(Map.of("tenant", "acme", "email", "a@b.test", "password", "0123456789", "remember", true))
			.exchange(), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
	}

	@Test
	void refusesPasswordsOutsideTheTenTo200CharacterPolicy() {
		Identities.NewTenant tenant = this.identities.tenant("policy");
		for (String password : List.of("short", "x".repeat(201))) {
			this.web.post()
				.uri("/api/auth/signup")
				.bodyValue(Map.of("tenant", tenant.slug(), "email", "p@" + tenant.slug() + ".test", "password",
						password, "name", "Pat"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("password");
		}
	}

	@Test
	void acceptsAPasswordLongerThanBcryptReads() {
		Identities.NewTenant tenant = this.identities.tenant("longpw");
		String password = "é".repeat(150);
		this.web.post()
			.uri("/api/auth/signup")
			.bodyValue(Map.of("tenant", tenant.slug(), "email", "long@" + tenant.slug() + ".test", "password", password,
					"name", "Lou"))
			.exchange()
			.expectStatus()
			.isCreated();

		this.identities.logIn(tenant.slug(), "long@" + tenant.slug() + ".test", password).expectStatus().isOk();
		// differs only after the 72nd byte: must not match
		Identities.assertUnauthorized(
				this.identities.logIn(tenant.slug(), "long@" + tenant.slug() + ".test", "é".repeat(149) + "e"));

	}

	@Test
	void answers409WhenTheEmailIsTakenInAnyCase() {
		Identities.NewTenant tenant = this.identities.tenant("taken");
		Identities.assertProblem(this.web.post()
			.uri("/api/auth/signup")
			.bodyValue(Map.of("tenant", tenant.slug(), "email", tenant.adminEmail().toUpperCase(), "password",
					Identities.PASSWORD, "name", "Copy Cat"))
			.exchange(), HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
	}

	@Test
	void answers404ForSignUpToATenantThatDoesNotExist() {
		Identities.assertProblem(this.web.post()
			.uri("/api/auth/signup")
			.bodyValue(Map.of("tenant", Identities.uniqueSlug("ghost"), "email", "g@ghost.test", "password",
					Identities.PASSWORD, "name", "Ghost"))
			.exchange(), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
	}

	private static byte[] body(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

}
