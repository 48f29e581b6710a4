package dev.deskflow.ticket.ticket;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.testsupport.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that retries a ticket creation with its {@code Idempotency-Key} gets the first
 * ticket back: one row, one event, however often and however concurrently it retries.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentRaiseTest {

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient database;

	DeskFixture acme;

	@BeforeAll
	void desk() {
		this.acme = DeskFixture.create(this.database, this.web, "idem");
	}

	@Test
	void aRetryWithTheSameKeyAnswersTheFirstTicketAndWritesNothingMore() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("subject", "VPN drops " + key, "description", "Every ten minutes.");
		EntityExchangeResult<Map> first = raise(this.acme.customer, key, body);
		EntityExchangeResult<Map> retry = raise(this.acme.customer, key, body);

		assertThat(retry.getResponseBody().get("id")).isEqualTo(first.getResponseBody().get("id"));
		assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(retry.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(count("select count(*) from tickets where subject = :subject", (String) body.get("subject")))
			.isEqualTo(1);
		assertThat(count("select count(*) from outbox_events where record_key = :id",
				(String) first.getResponseBody().get("id")))
			.isEqualTo(1);
	}

	@Test
	void concurrentRetriesWithOneKeyRaiseOneTicket() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("subject", "Printer jam " + key, "description", "Tray 2.");
		List<Object> ids = Flux.range(0, 8)
			.parallel(8)
			.runOn(Schedulers.boundedElastic())
			.map((i) -> raise(this.acme.customer, key, body).getResponseBody().get("id"))
			.sequential()
			.collectList()
			.block();

		assertThat(ids).hasSize(8).containsOnly(ids.get(0));
		assertThat(count("select count(*) from tickets where subject = :subject", (String) body.get("subject")))
			.isEqualTo(1);
	}

	@Test
	void theSameKeyForAnotherRequestIsRefusedButAnotherUserHasTheirOwnKeys() {
		String key = UUID.randomUUID().toString();
		raise(this.acme.customer, key, Map.of("subject", "Mail " + key, "description", "Bounces."));

		this.web.post()
			.uri("/api/tickets")
			.headers((h) -> h.setBearerAuth(this.acme.customer))
			.header("Idempotency-Key", key)
			.bodyValue(Map.of("subject", "Something else", "description", "Other."))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.CONFLICT.toString());
		EntityExchangeResult<Map> theirs = raise(this.acme.otherCustomer, key,
				Map.of("subject", "Mail " + key, "description", "Bounces."));
		assertThat(theirs.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(count("select count(*) from tickets where subject = :subject", "Mail " + key)).isEqualTo(2);
	}

	@Test
	void refusesAnInvalidKey() {
		for (String key : List.of("has space", "x".repeat(101))) {
			this.web.post()
				.uri("/api/tickets")
				.headers((h) -> h.setBearerAuth(this.acme.customer))
				.header("Idempotency-Key", key)
				.bodyValue(Map.of("subject", "Keyed", "description", "Badly."))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("Idempotency-Key");
		}
	}

	private EntityExchangeResult<Map> raise(String token, String key, Map<String, Object> body) {
		return this.web.post()
			.uri("/api/tickets")
			.headers((h) -> h.setBearerAuth(token))
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult();
	}

	private long count(String sql, String value) {
		return this.database.sql(sql)
			.bind(sql.contains(":subject") ? "subject" : "id", value)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
