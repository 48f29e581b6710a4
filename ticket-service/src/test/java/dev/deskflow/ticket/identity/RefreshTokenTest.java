package dev.deskflow.ticket.identity;

import java.text.ParseException;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import dev.deskflow.ticket.TicketProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityTest
class RefreshTokenTest {

	@Autowired
	WebTestClient web;

	@Autowired
	TicketProperties properties;

	@Autowired
	DatabaseClient database;

	Identities identities;

	@BeforeEach
	void setUp() {
		this.identities = new Identities(this.web, this.properties);
	}

	@Test
	void rotatesTheRefreshTokenOnEveryUse() throws ParseException {
		Identities.NewTenant tenant = this.identities.tenant("rotate");
		Identities.Tokens first = this.identities.tokens(tenant.slug(), tenant.adminEmail());

		Identities.Tokens second = refreshed(first.refreshToken());
		Identities.Tokens third = refreshed(second.refreshToken());

		assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
		assertThat(third.refreshToken()).isNotEqualTo(second.refreshToken());
		assertThat(SignedJWT.parse(third.accessToken()).getJWTClaimsSet().getSubject())
			.isEqualTo(tenant.adminId().toString());
		assertThat(SignedJWT.parse(third.accessToken()).getJWTClaimsSet().getJWTID())
			.isNotEqualTo(SignedJWT.parse(second.accessToken()).getJWTClaimsSet().getJWTID());
		this.web.get()
			.uri("/api/admin/users")
			.headers((headers) -> headers.setBearerAuth(third.accessToken()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void storesOnlyHashesOfRefreshTokens() {
		Identities.NewTenant tenant = this.identities.tenant("hashed");
		Identities.Tokens tokens = this.identities.tokens(tenant.slug(), tenant.adminEmail());

		this.database.sql("select encode(token_hash, 'base64') from refresh_tokens where user_id = :user")
			.bind("user", tenant.adminId())
			.mapValue(String.class)
			.all()
			.collectList()
			.as(StepVerifier::create)
			.assertNext((hashes) -> assertThat(hashes).hasSize(1)
				.allSatisfy((hash) -> assertThat(hash).doesNotContain(tokens.refreshToken())))
			.verifyComplete();
	}

	@Test
	void revokesTheWholeFamilyWhenARotatedTokenIsUsedAgain() {
		Identities.NewTenant tenant = this.identities.tenant("reuse");
		Identities.Tokens stolen = this.identities.tokens(tenant.slug(), tenant.adminEmail());
		Identities.Tokens legitimate = refreshed(stolen.refreshToken());

		Identities.assertUnauthorized(this.identities.refresh(stolen.refreshToken()));

		// the newest token of the family is revoked too
		Identities.assertUnauthorized(this.identities.refresh(legitimate.refreshToken()));
		// another log-in of the same user is another family, untouched
		Identities.Tokens other = this.identities.tokens(tenant.slug(), tenant.adminEmail());
		refreshed(other.refreshToken());
	}

	@Test
	void logOutRevokesTheFamily() {
		Identities.NewTenant tenant = this.identities.tenant("logout");
		Identities.Tokens first = this.identities.tokens(tenant.slug(), tenant.adminEmail());
		Identities.Tokens second = refreshed(first.refreshToken());

		this.web.post()
			.uri("/api/auth/logout")
			.bodyValue(Map.of("refreshToken", second.refreshToken()))
			.exchange()
			.expectStatus()
			.isNoContent();

		Identities.assertUnauthorized(this.identities.refresh(second.refreshToken()));
		Identities.assertUnauthorized(this.identities.refresh(first.refreshToken()));
	}

	@Test
	void refusesAnUnknownRefreshToken() {
		Identities.assertUnauthorized(this.identities.refresh("not-a-token-we-issued"));
	}

	@Test
	void refusesTheRefreshTokenOfAUserWhoWasDeactivated() {
		Identities.NewTenant tenant = this.identities.tenant("deact");
		String admin = this.identities.tokens(tenant.slug(), tenant.adminEmail()).accessToken();
		String email = "agent@" + tenant.slug() + ".test";
		UUID agent = this.identities.createUser(admin, email, "AGENT");
		Identities.Tokens agentTokens = this.identities.tokens(tenant.slug(), email);

		this.web.patch()
			.uri("/api/admin/users/{id}", agent)
			.headers((headers) -> headers.setBearerAuth(admin))
			.bodyValue(Map.of("active", false))
			.exchange()
			.expectStatus()
			.isOk();

		Identities.assertUnauthorized(this.identities.refresh(agentTokens.refreshToken()));
	}

	@Test
	void carriesARoleChangeIntoTheNextAccessToken() throws ParseException {
		Identities.NewTenant tenant = this.identities.tenant("promote");
		String admin = this.identities.tokens(tenant.slug(), tenant.adminEmail()).accessToken();
		String email = "rising@" + tenant.slug() + ".test";
		UUID agent = this.identities.createUser(admin, email, "AGENT");
		Identities.Tokens agentTokens = this.identities.tokens(tenant.slug(), email);

		this.web.patch()
			.uri("/api/admin/users/{id}", agent)
			.headers((headers) -> headers.setBearerAuth(admin))
			.bodyValue(Map.of("role", "ADMIN"))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(SignedJWT.parse(refreshed(agentTokens.refreshToken()).accessToken())
			.getJWTClaimsSet()
			.getStringListClaim("roles")).containsExactly("ADMIN");
	}

	private Identities.Tokens refreshed(String refreshToken) {
		return this.identities.refresh(refreshToken)
			.expectStatus()
			.isOk()
			.expectBody(Identities.Tokens.class)
			.returnResult()
			.getResponseBody();
	}

}
