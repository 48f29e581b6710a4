package dev.deskflow.ticket.identity;

import java.util.Map;

import dev.deskflow.testsupport.RealServers;
import dev.deskflow.ticket.TicketProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "deskflow.ticket.identity.self-service-tenants=true",
				"deskflow.ticket.identity.trust-forwarded-for=true" })
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
class SelfServiceTenantsTest {

	@Autowired
	WebTestClient web;

	@Autowired
	TicketProperties properties;

	@Test
	void letsAnyoneCreateATenantWhenSwitchedOnAndItsAdminLogIn() {
		String slug = Identities.uniqueSlug("self");
		this.web.post()
			.uri("/api/auth/tenants")
			.bodyValue(Map.of("slug", slug, "name", "Self Service", "admin",
					Map.of("email", "Owner@" + slug + ".test", "name", "Owner", "password", Identities.PASSWORD)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.slug")
			.isEqualTo(slug)
			.jsonPath("$.admin.role")
			.isEqualTo("ADMIN")
			.jsonPath("$.admin.email")
			.isEqualTo("owner@" + slug + ".test");

		new Identities(this.web, this.properties).tokens(slug, "owner@" + slug + ".test");
	}

}
