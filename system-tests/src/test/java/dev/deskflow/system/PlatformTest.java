package dev.deskflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test of the running platform (one per test JVM, see {@link LocalPlatform}) through
 * the gateway, as the demo tenant's users.
 */
abstract class PlatformTest {

	static final String TENANT = "demo";

	static final String PASSWORD = "deskflow-demo";

	/** The local operator credential ({@code DESKFLOW_OPERATOR_TOKEN}'s default). */
	static final Api.User OPERATOR = new Api.User("local-operator-token", null);

	/**
	 * The tenant the fuzz test creates: on the premium plan, whose limits this platform
	 * raises, so thousands of malformed calls are not cut short by 429s. Every other
	 * tenant keeps the standard limits the attack suite proves.
	 */
	static final String FUZZ_TENANT = "fuzzers";

	/** Anonymous calls per minute and client address on the shared platform. */
	static final int ANONYMOUS_CAPACITY = 600;

	/**
	 * Settings of the platform every system test shares: the fuzz tenant on an unlimited
	 * premium plan, and room for every test's log-ins from 127.0.0.1 (the default 60 a
	 * minute per address is the gateway's own tests' concern; the attack suite proves the
	 * limit holds at this capacity).
	 */
	static final Map<String, String> SETTINGS = Map.of("DESKFLOW_GATEWAY_RATELIMITS_TENANTPLANS_FUZZERS", "premium",
			"DESKFLOW_RATE_LIMIT_PREMIUM_TENANT_CAPACITY", "10000000", "DESKFLOW_RATE_LIMIT_PREMIUM_USER_CAPACITY",
			"10000000", "DESKFLOW_RATE_LIMIT_ANONYMOUS_CAPACITY", Integer.toString(ANONYMOUS_CAPACITY));

	static LocalPlatform platform;

	static Api api;

	@BeforeAll
	static void platform() {
		platform = LocalPlatform.get(SETTINGS);
		api = new Api(platform.gateway());
	}

	/**
	 * @param login the part before {@code @}, e.g. {@code agent1}
	 * @return the demo user, logged in
	 */
	static Api.User demoUser(String login) {
		return api.login(TENANT, login + "@demo.deskflow.dev", PASSWORD);
	}

	/**
	 * Makes calls from a few threads and waits for all; the first failed assertion of a
	 * call fails the test.
	 * @param threads how many at a time
	 * @param calls how many
	 * @param call one call, given its number
	 */
	static void runConcurrently(int threads, int calls, IntConsumer call) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				int n = i;
				futures.add(pool.submit(() -> call.accept(n)));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			throw new AssertionError(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * @return the id of a new ticket the user raised
	 */
	static String raise(Api.User user, String subject, String description) {
		Api.Answer raised = api.post("/api/tickets", user, Map.of("subject", subject, "description", description));
		assertThat(raised.status()).as(String.valueOf(raised.body())).isEqualTo(201);
		return raised.body().path("id").asString();
	}

	/** A tenant's users, logged in: its admin, an agent and two customers. */
	record Crew(String slug, Api.User admin, Api.User agent, Api.User customer, Api.User otherCustomer) {
	}

	/**
	 * Creates a tenant as the operator does, with an agent and two customers made by its
	 * admin. The operator's call goes to ticket-service directly: the gateway refuses the
	 * operator's credential (not a JWT) with 401, see
	 * {@code AttacksTest#onlyTheOperatorCreatesTenants}.
	 * @param slug the new tenant's slug
	 * @return its users, logged in
	 */
	static Crew newTenant(String slug) {
		String password = "a long enough password";
		Api.Answer created = new Api(platform.service("TICKET"))
			.post("/api/admin/tenants", OPERATOR, Map.of("slug", slug, "name", "Tenant " + slug, "admin",
					Map.of("email", "admin@" + slug + ".example", "name", "Admin of " + slug, "password", password)));
		if (created.status() != 201) {
			throw new IllegalStateException(
					"tenant " + slug + " not created: " + created.status() + " " + created.body());
		}
		Api.User admin = api.login(slug, "admin@" + slug + ".example", password);
		return new Crew(slug, admin, newUser(admin, slug, "AGENT", password),
				newUser(admin, slug, "CUSTOMER", password), newUser(admin, slug, "CUSTOMER", password));
	}

	/**
	 * @return a new user of the tenant, made by its admin, logged in
	 */
	static Api.User newUser(Api.User admin, String slug, String role, String password) {
		String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@" + slug + ".example";
		Api.Answer created = api.post("/api/admin/users", admin,
				Map.of("email", email, "name", role + " of " + slug, "role", role, "password", password));
		if (created.status() != 201) {
			throw new IllegalStateException("user not created: " + created.status() + " " + created.body());
		}
		return api.login(slug, email, password);
	}

}
