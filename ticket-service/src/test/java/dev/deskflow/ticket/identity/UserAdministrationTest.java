package dev.deskflow.ticket.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.TicketProperties;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityTest
class UserAdministrationTest {

	@Autowired
	WebTestClient web;

	@Autowired
	TicketProperties properties;

	@Autowired
	DatabaseClient database;

	@Autowired
	TenantTransactions tenants;

	Identities identities;

	Identities.NewTenant tenant;

	String admin;

	@BeforeEach
	void setUp() {
		this.identities = new Identities(this.web, this.properties);
		this.tenant = this.identities.tenant("users");
		this.admin = this.identities.tokens(this.tenant.slug(), this.tenant.adminEmail()).accessToken();
	}

	@Test
	void forbidsACustomerTheUserAdministration() {
		String customer = customerToken();
		Identities.assertProblem(get("/api/admin/users", customer), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		Identities.assertProblem(
				post(customer,
						Map.of("email", "x@x.test", "name", "X", "role", "CUSTOMER", "password", Identities.PASSWORD)),
				HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
	}

	@Test
	void letsAnAgentCreateCustomersOnly() {
		String agentEmail = "agent@" + this.tenant.slug() + ".test";
		this.identities.createUser(this.admin, agentEmail, "AGENT");
		String agent = this.identities.tokens(this.tenant.slug(), agentEmail).accessToken();

		this.identities.createUser(agent, "phoned-in@" + this.tenant.slug() + ".test", "CUSTOMER");
		Identities.assertProblem(post(agent, Map.of("email", "colleague@" + this.tenant.slug() + ".test", "name", "Col",
				"role", "AGENT", "password", Identities.PASSWORD)), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		Identities.assertProblem(get("/api/admin/users", agent), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
	}

	@Test
	void hidesAnotherTenantsUsersFromAnAdmin() {
		Identities.NewTenant other = this.identities.tenant("users-b");

		Identities.assertProblem(get("/api/admin/users/" + other.adminId(), this.admin), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		Identities.assertProblem(this.web.patch()
			.uri("/api/admin/users/{id}", other.adminId())
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.bodyValue(Map.of("active", false))
			.exchange(), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		get("/api/admin/users?limit=100", this.admin).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].id")
			.value((ids) -> assertThat((List<Object>) ids).containsExactly(this.tenant.adminId().toString()));
		// the other tenant's admin is untouched and still logs in
		this.identities.tokens(other.slug(), other.adminEmail());
	}

	@Test
	void pagesThroughUsersWithAnOpaqueCursor() {
		List<String> created = new ArrayList<>(List.of(this.tenant.adminId().toString()));
		for (int i = 0; i < 4; i++) {
			created.add(this.identities.createUser(this.admin, "c" + i + "@" + this.tenant.slug() + ".test", "CUSTOMER")
				.toString());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Map<?, ?> page = get("/api/admin/users?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""), this.admin)
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			List<?> items = (List<?>) page.get("items");
			assertThat(items).hasSizeLessThanOrEqualTo(2);
			items.forEach((item) -> seen.add((String) ((Map<?, ?>) item).get("id")));
			cursor = (String) page.get("nextCursor");
			pages++;
		}
		while (cursor != null);

		assertThat(seen).containsExactlyElementsOf(created);
		assertThat(pages).isEqualTo(3);
		get("/api/admin/users?role=CUSTOMER&limit=100", this.admin).expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(4);
	}

	@Test
	void rejectsABadCursorAndAnOversizedLimit() {
		Identities
			.assertProblem(get("/api/admin/users?cursor=bm90LWEtY3Vyc29y", this.admin), HttpStatus.BAD_REQUEST,
					ProblemTypes.VALIDATION)
			.jsonPath("$.errors[0].field")
			.isEqualTo("cursor");
		Identities
			.assertProblem(get("/api/admin/users?limit=101", this.admin), HttpStatus.BAD_REQUEST,
					ProblemTypes.VALIDATION)
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
	}

	@Test
	void listsEveryInvalidFieldOfANewUser() {
		Identities
			.assertProblem(
					post(this.admin, Map.of("email", "not-an-email", "name", "", "role", "AGENT", "password", "short")),
					HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION)
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("email", "name",
					"password"));
	}

	@Test
	void renamesAndChangesTheRoleOfAUser() {
		UUID user = this.identities.createUser(this.admin, "Mixed.Case@" + this.tenant.slug() + ".test", "CUSTOMER");

		this.web.patch()
			.uri("/api/admin/users/{id}", user)
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.bodyValue(Map.of("name", "New Name", "role", "AGENT"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("New Name")
			.jsonPath("$.role")
			.isEqualTo("AGENT")
			.jsonPath("$.email")
			.isEqualTo("mixed.case@" + this.tenant.slug() + ".test")
			.jsonPath("$.active")
			.isEqualTo(true);
	}

	@Test
	void refusesAnEmptyChangeAndAnAdminDeactivatingThemselves() {
		Identities.assertProblem(this.web.patch()
			.uri("/api/admin/users/{id}", this.tenant.adminId())
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.bodyValue(Map.of())
			.exchange(), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		Identities.assertProblem(this.web.patch()
			.uri("/api/admin/users/{id}", this.tenant.adminId())
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.bodyValue(Map.of("active", false))
			.exchange(), HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
	}

	@Test
	void rowLevelSecurityHidesOtherTenantsUsersAndTokensEvenWithoutAPredicate() {
		Identities.NewTenant other = this.identities.tenant("other-users");
		this.identities.tokens(other.slug(), other.adminEmail());
		for (String table : List.of("users", "refresh_tokens")) {
			this.database.sql("select count(distinct tenant_id) from " + table)
				.map((row) -> row.get(0, Long.class))
				.one()
				.as(StepVerifier::create)
				.assertNext((tenants) -> assertThat(tenants).as("%s of both tenants exist", table)
					.isGreaterThanOrEqualTo(2))
				.verifyComplete();
			this.tenants
				.inTenantMany(this.tenant.id(),
						() -> this.database.sql("select tenant_id from " + table)
							.map((row) -> row.get(0, UUID.class))
							.all())
				.distinct()
				.as(StepVerifier::create)
				.expectNext(this.tenant.id())
				.as(table + " seen by a tenant-bound query without a tenant predicate")
				.verifyComplete();
		}
	}

	private String customerToken() {
		String email = "cust@" + this.tenant.slug() + ".test";
		this.identities.createUser(this.admin, email, "CUSTOMER");
		return this.identities.tokens(this.tenant.slug(), email).accessToken();
	}

	private WebTestClient.ResponseSpec get(String uri, String token) {
		return this.web.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private WebTestClient.ResponseSpec post(String token, Map<String, ?> body) {
		return this.web.post()
			.uri("/api/admin/users")
			.headers((headers) -> headers.setBearerAuth(token))
			.bodyValue(body)
			.exchange();
	}

}
