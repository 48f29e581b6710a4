package dev.deskflow.ticket.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.deskflow.ticket.TicketProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every kind of forged or stale token gets a 401 problem; the control case, a token made
 * the same way but correct, gets through, so each refusal is for the one thing changed.
 */
@IdentityTest
class AccessTokenValidationTest {

	@Autowired
	WebTestClient web;

	@Autowired
	TicketProperties properties;

	@Autowired
	SigningKeys signingKeys;

	Identities.NewTenant tenant;

	RSAKey serviceKey;

	@BeforeEach
	void setUp() {
		this.tenant = new Identities(this.web, this.properties).tenant("tokens");
		AtomicReference<RSAKey> key = new AtomicReference<>();
		this.signingKeys.signingKey()
			.as(StepVerifier::create)
			.consumeNextWith((signing) -> key.set(signing.jwk()))
			.verifyComplete();
		this.serviceKey = key.get();
	}

	@Test
	void acceptsACorrectlySignedTokenMadeLikeTheOthers() throws JOSEException {
		call(signed(this.serviceKey, claims((c) -> {
		}))).expectStatus().isOk();
	}

	@Test
	void refusesARequestWithoutToken() {
		Identities.assertUnauthorized(this.web.get().uri("/api/admin/users").exchange());
		this.web.get().uri("/api/admin/users").exchange().expectHeader().valueEquals("WWW-Authenticate", "Bearer");
	}

	@Test
	void refusesATamperedToken() throws JOSEException {
		String token = signed(this.serviceKey, claims((c) -> {
		}));
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = payload.replace(this.tenant.slug(), "other-tenant");
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];

		Identities.assertUnauthorized(call(tampered));
		call(tampered).expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
	}

	@Test
	void refusesAnExpiredTokenBeyondTheClockSkew() throws JOSEException {
		Instant issued = Instant.now().minus(Duration.ofMinutes(20));
		Identities.assertUnauthorized(call(signed(this.serviceKey,
				claims((c) -> c.issueTime(Date.from(issued))
					.notBeforeTime(Date.from(issued))
					.expirationTime(Date.from(Instant.now().minusSeconds(120)))))));
	}

	@Test
	void acceptsATokenExpiredWithinTheClockSkew() throws JOSEException {
		Instant issued = Instant.now().minus(Duration.ofMinutes(15));
		call(signed(this.serviceKey,
				claims((c) -> c.issueTime(Date.from(issued))
					.notBeforeTime(Date.from(issued))
					.expirationTime(Date.from(Instant.now().minusSeconds(20))))))
			.expectStatus()
			.isOk();
	}

	@Test
	void refusesATokenNotYetValid() throws JOSEException {
		Identities.assertUnauthorized(call(signed(this.serviceKey,
				claims((c) -> c.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))))));
	}

	@Test
	void refusesATokenWithoutExpiry() throws JOSEException {
		Identities.assertUnauthorized(call(signed(this.serviceKey, claims((c) -> c.expirationTime(null)))));
	}

	@Test
	void refusesAnotherIssuerOrAudience() throws JOSEException {
		Identities.assertUnauthorized(call(signed(this.serviceKey, claims((c) -> c.issuer("https://evil.test")))));
		Identities.assertUnauthorized(call(signed(this.serviceKey, claims((c) -> c.audience("another-api")))));
	}

	@Test
	void refusesATokenSignedWithAnotherKeyUnderTheServiceKid() throws JOSEException {
		RSAKey other = new RSAKeyGenerator(2048).keyID(this.serviceKey.getKeyID()).generate();
		Identities.assertUnauthorized(call(signed(other, claims((c) -> {
		}))));
	}

	@Test
	void refusesATokenSignedWithAnUnknownKey() throws JOSEException {
		RSAKey other = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
		Identities.assertUnauthorized(call(signed(other, claims((c) -> {
		}))));
	}

	@Test
	void refusesAnUnsignedAlgNoneToken() {
		String token = new PlainJWT(claims((c) -> {
		})).serialize();
		Identities.assertUnauthorized(call(token));
	}

	@Test
	void refusesAnHs256TokenSignedWithThePublicKeyBytes() throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.serviceKey.getKeyID())
			.type(JOSEObjectType.JWT)
			.build(), claims((c) -> {
			}));
		jwt.sign(new MACSigner(this.serviceKey.toRSAPublicKey().getEncoded()));
		Identities.assertUnauthorized(call(jwt.serialize()));
	}

	@Test
	void refusesASignedTokenWithoutDeskflowClaims() throws JOSEException {
		Identities.assertUnauthorized(call(signed(this.serviceKey, claims((c) -> c.claim("tenant_id", null)))));
		Identities.assertUnauthorized(call(signed(this.serviceKey, claims((c) -> c.claim("roles", List.of())))));
	}

	private WebTestClient.ResponseSpec call(String token) {
		return this.web.get().uri("/api/admin/users").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.properties.identity().issuer())
			.audience(this.properties.identity().audience())
			.subject(this.tenant.adminId().toString())
			.claim("tenant", this.tenant.slug())
			.claim("tenant_id", this.tenant.id().toString())
			.claim("roles", List.of("ADMIN"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString());
		change.accept(claims);
		return claims.build();
	}

	private static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
