package dev.deskflow.system;

import org.junit.jupiter.api.BeforeAll;

/**
 * A test of the running platform (one per test JVM, see {@link LocalPlatform}) through
 * the gateway, as the demo tenant's users.
 */
abstract class PlatformTest {

	static final String TENANT = "demo";

	static final String PASSWORD = "deskflow-demo";

	static LocalPlatform platform;

	static Api api;

	@BeforeAll
	static void platform() {
		platform = LocalPlatform.get();
		api = new Api(platform.gateway());
	}

	/**
	 * @param login the part before {@code @}, e.g. {@code agent1}
	 * @return the demo user, logged in
	 */
	static Api.User demoUser(String login) {
		return api.login(TENANT, login + "@demo.deskflow.dev", PASSWORD);
	}

}
