package dev.deskflow.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.problem.ProblemTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas sharing one Redis enforce one combined budget per tenant, per user
 * and per client address.
 */
class RateLimitTest {

	static final Tokens tokens = TestServers.TOKENS;

	static Gateway first;

	static Gateway second;

	@BeforeAll
	static void startTwoReplicas() {
		Map<String, Object> limits = Map.of("deskflow.gateway.redis-key-prefix",
				"rate-" + UUID.randomUUID().toString().substring(0, 8) + ":",
				"deskflow.gateway.rate-limits.anonymous.capacity", "4", "deskflow.gateway.rate-limits.anonymous.period",
				"1h", "deskflow.gateway.rate-limits.plans.standard.tenant.capacity", "6",
				"deskflow.gateway.rate-limits.plans.standard.tenant.period", "1h",
				"deskflow.gateway.rate-limits.plans.standard.user.capacity", "3",
				"deskflow.gateway.rate-limits.plans.standard.user.period", "1h",
				"deskflow.gateway.rate-limits.tenant-plans.bigcorp", "premium");
		first = Gateway.start(limits);
		second = Gateway.start(limits);
	}

	@AfterAll
	static void stopReplicas() {
		first.close();
		second.close();
	}

	@Test
	void sharesOneTenantBudgetAcrossReplicas() {
		List<HttpStatus> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			// a new user each time: only the tenant's bucket can run dry
			WebTestClient replica = (i % 2 == 0) ? first.client() : second.client();
			statuses.add(HttpStatus.valueOf(get(replica, tokens.valid("initech")).getStatus().value()));
		}
		assertThat(statuses).containsOnly(HttpStatus.OK);

		EntityExchangeResult<byte[]> refused = get(second.client(), tokens.valid("initech"));

		assertTooManyRequests(refused, "6");
		assertThat(get(first.client(), tokens.valid("initech")).getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(get(first.client(), tokens.valid("umbrella")).getStatus()).as("other tenants keep their budget")
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void limitsEachUserWithinTheTenantsBudget() {
		String user = UUID.randomUUID().toString();
		String token = tokens.valid("hooli", user);
		assertThat(get(first.client(), token).getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(get(second.client(), token).getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(get(first.client(), token).getStatus()).isEqualTo(HttpStatus.OK);

		assertTooManyRequests(get(second.client(), token), "3");
		assertThat(get(first.client(), tokens.valid("hooli")).getStatus()).as("a colleague still gets through")
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void givesATenantOnAPremiumPlanItsLargerBudget() {
		String user = UUID.randomUUID().toString();
		for (int i = 0; i < 8; i++) {
			assertThat(get((i % 2 == 0) ? first.client() : second.client(), tokens.valid("bigcorp", user)).getStatus())
				.isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void limitsAnAnonymousLoginFloodPerClientAddress() {
		List<HttpStatus> statuses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			statuses
				.add(HttpStatus.valueOf(login((i % 2 == 0) ? first.client() : second.client()).getStatus().value()));
		}
		assertThat(statuses).containsOnly(HttpStatus.OK);

		assertTooManyRequests(login(first.client()), "4");
		assertThat(login(second.client()).getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	private static EntityExchangeResult<byte[]> get(WebTestClient gateway, String token) {
		return gateway.get()
			.uri("/api/tickets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static EntityExchangeResult<byte[]> login(WebTestClient gateway) {
		return gateway.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"tenant\":\"acme\",\"email\":\"a@acme.test\",\"password\":\"guess\"}")
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static void assertTooManyRequests(EntityExchangeResult<byte[]> result, String limit) {
		assertThat(result.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(headers.getContentType()).isEqualTo(MediaType.parseMediaType(ProblemTypes.MEDIA_TYPE));
		assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo(limit);
		assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Long.parseLong(headers.getFirst("RateLimit-Reset"))).isPositive();
		assertThat(new String(result.getResponseBodyContent())).contains(ProblemTypes.RATE_LIMITED.toString());
	}

}
