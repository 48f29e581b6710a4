package dev.deskflow.ticket.identity;

import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.deskflow.ticket.TicketProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityTest
class SigningKeyRotationTest {

	@Autowired
	WebTestClient web;

	@Autowired
	TicketProperties properties;

	@Autowired
	SigningKeys signingKeys;

	Identities identities;

	@BeforeEach
	void setUp() {
		this.identities = new Identities(this.web, this.properties);
	}

	@Test
	void keepsTokensOfThePreviousKeyValidAndSignsNewOnesWithTheNewKid() throws ParseException {
		Identities.NewTenant tenant = this.identities.tenant("rotation");
		String before = this.identities.tokens(tenant.slug(), tenant.adminEmail()).accessToken();
		String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

		String newKid = (String) this.web.post()
			.uri("/api/admin/signing-keys")
			.headers((headers) -> headers.setBearerAuth(this.properties.identity().operatorToken()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("kid");
		String after = this.identities.tokens(tenant.slug(), tenant.adminEmail()).accessToken();

		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
		for (String token : new String[] { before, after }) {
			this.web.get()
				.uri("/api/admin/users")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isOk();
		}
		JWKSet published = JWKSet.parse(this.web.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(published.getKeyByKeyId(oldKid)).isNotNull();
		assertThat(published.getKeyByKeyId(newKid)).isNotNull();
	}

	@Test
	void rotatesAKeyOnlyOnceItIsOlderThanTheMaximumAge() {
		this.signingKeys.rotateIfOlderThan(Duration.ofDays(365))
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		this.signingKeys.rotateIfOlderThan(Duration.ZERO).as(StepVerifier::create).expectNext(true).verifyComplete();
	}

	@Test
	void refusesToRotateWithoutTheOperatorToken() {
		Identities.assertUnauthorized(this.web.post().uri("/api/admin/signing-keys").exchange());
		Identities.NewTenant tenant = this.identities.tenant("rot-admin");
		String admin = this.identities.tokens(tenant.slug(), tenant.adminEmail()).accessToken();
		Identities.assertUnauthorized(this.web.post()
			.uri("/api/admin/signing-keys")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange());
	}

}
