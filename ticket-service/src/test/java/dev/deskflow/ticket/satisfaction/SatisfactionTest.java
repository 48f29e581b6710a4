package dev.deskflow.ticket.satisfaction;

import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

class SatisfactionTest extends DeskTest {

	@Autowired
	TenantTransactions transactions;

	TenantDesk acme;

	TenantDesk globex;

	@BeforeAll
	void desks() {
		this.acme = desk("csat-acme");
		this.globex = desk("csat-globex");
	}

	@Test
	void theRequesterRatesASolvedTicketExactlyOnce() {
		String id = raise();
		assertProblem(rate(this.acme.customer, id, Map.of("score", "GOOD")), HttpStatus.CONFLICT,
				ProblemTypes.CONFLICT);
		this.acme.setStatus(id, "SOLVED");

		rate(this.acme.customer, id, Map.of("score", "GOOD", "comment", "Fast and friendly")).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo("GOOD")
			.jsonPath("$.agentId")
			.doesNotExist();
		assertProblem(rate(this.acme.customer, id, Map.of("score", "BAD")), HttpStatus.CONFLICT, ProblemTypes.CONFLICT);
		get(this.acme.agent, "/api/tickets/" + id + "/rating").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.comment")
			.isEqualTo("Fast and friendly");
		get(this.acme.customer, "/api/tickets/" + id + "/history").expectBody()
			.jsonPath("$.items[?(@.action == 'rated')].changes.score")
			.isEqualTo("GOOD");
	}

	@Test
	void aClosedTicketCanBeRatedAndTheRatingNamesItsAgent() {
		String id = raise();
		this.acme.setStatus(id, "SOLVED");
		this.acme.setStatus(id, "CLOSED");
		rate(this.acme.customer, id, Map.of("score", "BAD")).expectStatus().isCreated();
		get(this.acme.customer, "/api/tickets/" + id + "/rating").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo("BAD");
	}

	@Test
	void nobodyElseRatesOrReadsIt() {
		String id = raise();
		this.acme.setStatus(id, "SOLVED");
		assertProblem(rate(this.acme.otherCustomer, id, Map.of("score", "BAD")), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		assertProblem(rate(this.acme.agent, id, Map.of("score", "GOOD")), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		assertProblem(rate(this.globex.customer, id, Map.of("score", "BAD")), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		assertProblem(rate(this.globex.agent, id, Map.of("score", "BAD")), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		assertProblem(rate(null, id, Map.of("score", "BAD")), HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED);
		assertProblem(get(this.acme.agent, "/api/tickets/" + id + "/rating"), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		rate(this.acme.customer, id, Map.of("score", "BAD")).expectStatus().isCreated();
		assertProblem(get(this.globex.agent, "/api/tickets/" + id + "/rating"), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		assertProblem(get(this.acme.otherCustomer, "/api/tickets/" + id + "/rating"), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		this.transactions
			.inTenant(this.globex.tenantId,
					() -> this.database.sql("select count(*) from ticket_ratings where ticket_id = :id")
						.bind("id", UUID.fromString(id))
						.map((row) -> row.get(0, Long.class))
						.one())
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
	}

	@Test
	void rejectsInvalidRatings() {
		String id = raise();
		this.acme.setStatus(id, "SOLVED");
		assertProblem(rate(this.acme.customer, id, Map.of("score", "MEH")), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);
		assertProblem(rate(this.acme.customer, id, Map.of("comment", "no score")), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);
		assertProblem(rate(this.acme.customer, id, Map.of("score", "GOOD", "comment", "x".repeat(2001))),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		assertProblem(rate(this.acme.customer, id, Map.of("score", "GOOD", "stars", 5)), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);
		rate(this.acme.customer, id, Map.of("score", "GOOD")).expectStatus().isCreated();
	}

	private String raise() {
		return (String) this.acme.raise(this.acme.customer, Map.of("subject", "Broken mouse", "description", "Left"))
			.get("id");
	}

	private WebTestClient.ResponseSpec rate(String token, String id, Map<String, ?> body) {
		return this.web.post().uri("/api/tickets/{id}/rating", id).headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec get(String token, String path) {
		return this.web.get().uri(path).headers((h) -> h.setBearerAuth(token)).exchange();
	}

}
