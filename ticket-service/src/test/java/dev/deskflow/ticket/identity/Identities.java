package dev.deskflow.ticket.identity;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.TicketProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the identity API through HTTP the way clients do: tenants by the operator, users
 * by admins, log-in and refresh.
 */
final class Identities {

	static final String PASSWORD = "correct horse battery";

	private final WebTestClient web;

	private final String operatorToken;

	// One made-up client address per helper, so the per-address limit of one test never
	// counts another's failures.
	private final String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + "-"
			+ UUID.randomUUID().toString().substring(0, 8);

	Identities(WebTestClient web, TicketProperties properties) {
		this.web = web;
		this.operatorToken = properties.identity().operatorToken();
	}

	static String uniqueSlug(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	String address() {
		return this.address;
	}

	/**
	 * Creates a tenant and its admin ({@code admin@<slug>.test}) through the operator
	 * endpoint.
	 */
	NewTenant tenant(String prefix) {
		String slug = uniqueSlug(prefix);
		Map<?, ?> created = this.web.post()
			.uri("/api/admin/tenants")
			.headers((headers) -> headers.setBearerAuth(this.operatorToken))
			.bodyValue(Map.of("slug", slug, "name", "Tenant " + slug, "admin",
					Map.of("email", "admin@" + slug + ".test", "name", "Ada Admin", "password", PASSWORD)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> admin = (Map<?, ?>) created.get("admin");
		return new NewTenant(slug, UUID.fromString((String) created.get("id")),
				UUID.fromString((String) admin.get("id")), "admin@" + slug + ".test");
	}

	/** Creates a user as the holder of the access token. */
	UUID createUser(String accessToken, String email, String role) {
		Map<?, ?> user = this.web.post()
			.uri("/api/admin/users")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.bodyValue(Map.of("email", email, "name", "Someone", "role", role, "password", PASSWORD))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString((String) user.get("id"));
	}

	WebTestClient.ResponseSpec logIn(String tenant, String email, String password) {
		return this.web.post()
			.uri("/api/auth/login")
			.header("X-Forwarded-For", this.address)
			.bodyValue(Map.of("tenant", tenant, "email", email, "password", password))
			.exchange();
	}

	Tokens tokens(String tenant, String email) {
		return logIn(tenant, email, PASSWORD).expectStatus()
			.isOk()
			.expectBody(Tokens.class)
			.returnResult()
			.getResponseBody();
	}

	WebTestClient.ResponseSpec refresh(String refreshToken) {
		return this.web.post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken", refreshToken)).exchange();
	}

	/** Asserts the response is a problem+json of the type and status. */
	static WebTestClient.BodyContentSpec assertProblem(WebTestClient.ResponseSpec response, HttpStatus status,
			java.net.URI type) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType(ProblemTypes.MEDIA_TYPE))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(type.toString())
			.jsonPath("$.status")
			.isEqualTo(status.value())
			.jsonPath("$.stackTrace")
			.doesNotExist();
	}

	static void assertUnauthorized(WebTestClient.ResponseSpec response) {
		assertProblem(response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED);
	}

	record NewTenant(String slug, UUID id, UUID adminId, String adminEmail) {
	}

	record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {

		Tokens {
			assertThat(accessToken).isNotBlank();
			assertThat(refreshToken).isNotBlank();
		}

	}

}
