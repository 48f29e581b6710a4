package dev.deskflow.ticket.identity;

import java.util.Map;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.TicketProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

@IdentityTest
class OperatorAndOpenApiTest {

	@Autowired
	WebTestClient web;

	@Autowired
	TicketProperties properties;

	@Test
	void refusesTenantCreationWithoutTheOperatorToken() {
		Map<String, Object> body = Map.of("slug", Identities.uniqueSlug("nope"), "name", "Nope", "admin",
				Map.of("email", "a@nope.test", "name", "A", "password", Identities.PASSWORD));
		Identities.assertUnauthorized(this.web.post().uri("/api/admin/tenants").bodyValue(body).exchange());
		Identities.assertUnauthorized(this.web.post()
			.uri("/api/admin/tenants")
			.headers((headers) -> headers.setBearerAuth("local-operator-tokeN"))
			.bodyValue(body)
			.exchange());
	}

	@Test
	void answers409ForATakenSlug() {
		Identities.NewTenant tenant = new Identities(this.web, this.properties).tenant("dup");
		Identities.assertProblem(this.web.post()
			.uri("/api/admin/tenants")
			.headers((headers) -> headers.setBearerAuth(this.properties.identity().operatorToken()))
			.bodyValue(Map.of("slug", tenant.slug(), "name", "Again", "admin",
					Map.of("email", "b@dup.test", "name", "B", "password", Identities.PASSWORD)))
			.exchange(), HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
	}

	@Test
	void hidesSelfServiceTenantSignUpWhileItIsOff() {
		Identities.assertProblem(this.web.post()
			.uri("/api/auth/tenants")
			.bodyValue(Map.of("slug", Identities.uniqueSlug("self"), "name", "Self", "admin",
					Map.of("email", "s@self.test", "name", "S", "password", Identities.PASSWORD)))
			.exchange(), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
	}

	@Test
	void describesTheIdentityEndpointsAndTheBearerSchemeInOpenApi() {
		WebTestClient.BodyContentSpec document = this.web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		for (String path : new String[] { "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
				"/api/auth/signup", "/api/auth/jwks", "/api/admin/users", "/api/admin/users/{id}", "/api/admin/tenants",
				"/api/admin/signing-keys" }) {
			document.jsonPath("$.paths['" + path + "']").exists();
		}
		document.jsonPath("$.components.securitySchemes.bearer.scheme")
			.isEqualTo("bearer")
			.jsonPath("$.components.securitySchemes.bearer.bearerFormat")
			.isEqualTo("JWT")
			.jsonPath("$.security[0].bearer")
			.exists()
			.jsonPath("$.paths['/api/auth/login'].post.security")
			.isEmpty();
	}

}
