package dev.deskflow.ticket.identity;

import java.text.ParseException;

import com.nimbusds.jwt.SignedJWT;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.ticket.TicketProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users the demo seeder writes log in with the demo password, so the local platform
 * is usable as soon as it is up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "deskflow.ticket.demo.enabled=true", "deskflow.ticket.demo.tenant=" + DemoUsersLogInTest.TENANT,
				"deskflow.ticket.demo.data-directory=../deploy/demo-data",
				"deskflow.ticket.identity.trust-forwarded-for=true" })
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
class DemoUsersLogInTest {

	static final String TENANT = "demo-login-test";

	@Autowired
	WebTestClient web;

	@Autowired
	TicketProperties properties;

	@Test
	void logsInTheDemoAdminAgentAndCustomerWithTheDemoPassword() throws ParseException {
		Identities identities = new Identities(this.web, this.properties);
		String domain = "@" + TENANT + ".deskflow.dev";
		String password = this.properties.demo().password();
		String[][] users = { { "admin" + domain, "ADMIN" }, { "agent1" + domain, "AGENT" },
				{ "customer07" + domain, "CUSTOMER" } };
		for (String[] user : users) {
			String token = identities.logIn(TENANT, user[0], password)
				.expectStatus()
				.isOk()
				.expectBody(Identities.Tokens.class)
				.returnResult()
				.getResponseBody()
				.accessToken();
			assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles")).containsExactly(user[1]);
			assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("tenant")).isEqualTo(TENANT);
		}
	}

}
