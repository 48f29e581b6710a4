package dev.deskflow.ticket.ticket;

import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A tenant with an agent and two customers, written straight to the database, whose users
 * log in through the real {@code /api/auth/login}.
 */
final class DeskFixture {

	static final String PASSWORD = "correct-horse-battery";

	private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	final String slug;

	final UUID tenantId = UUID.randomUUID();

	final UUID agentId = UUID.randomUUID();

	final UUID customerId = UUID.randomUUID();

	final UUID otherCustomerId = UUID.randomUUID();

	String agent;

	String customer;

	String otherCustomer;

	private DeskFixture(String slug) {
		this.slug = slug;
	}

	static DeskFixture create(DatabaseClient database, WebTestClient web, String prefix) {
		DeskFixture desk = new DeskFixture(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
		database.sql("insert into tenants (id, slug, name) values (:id, :slug, :name)")
			.bind("id", desk.tenantId)
			.bind("slug", desk.slug)
			.bind("name", "Tenant " + desk.slug)
			.then()
			.then(user(database, desk, desk.agentId, "agent", "AGENT"))
			.then(user(database, desk, desk.customerId, "customer", "CUSTOMER"))
			.then(user(database, desk, desk.otherCustomerId, "other", "CUSTOMER"))
			.block();
		desk.agent = login(web, desk.slug, "agent@" + desk.slug + ".test");
		desk.customer = login(web, desk.slug, "customer@" + desk.slug + ".test");
		desk.otherCustomer = login(web, desk.slug, "other@" + desk.slug + ".test");
		return desk;
	}

	static reactor.core.publisher.Mono<Void> user(DatabaseClient database, DeskFixture desk, UUID id, String name,
			String role) {
		return database
			.sql("insert into users (id, tenant_id, email, name, password_hash, role) "
					+ "values (:id, :tenant, :email, :name, :hash, :role)")
			.bind("id", id)
			.bind("tenant", desk.tenantId)
			.bind("email", name + "@" + desk.slug + ".test")
			.bind("name", name)
			.bind("hash", HASH)
			.bind("role", role)
			.then();
	}

	private static String login(WebTestClient web, String tenant, String email) {
		Map<?, ?> tokens = web.post()
			.uri("/api/auth/login")
			.bodyValue(Map.of("tenant", tenant, "email", email, "password", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) tokens.get("accessToken");
	}

}
