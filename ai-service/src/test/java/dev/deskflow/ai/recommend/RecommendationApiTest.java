package dev.deskflow.ai.recommend;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.ai.AiServiceTestBase;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.tenant.Role;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input gets a clear problem+json answer, never a stack trace; feedback is stored and
 * counted.
 */
class RecommendationApiTest extends AiServiceTestBase {

	@Autowired
	MeterRegistry meters;

	@Test
	void rejectsAnEmptyDraft() {
		expectProblem(postDraft(agent(tenant("empty")), Map.of("text", "  ")), 400, "validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("text");
		expectProblem(postDraft(agent(tenant("empty")), Map.of()), 400, "validation");
	}

	@Test
	void rejectsADraftOverTheTextLimit() {
		String text = "word ".repeat(RecommendationViews.MAX_TEXT_CHARS / 5 + 1);
		expectProblem(postDraft(agent(tenant("long")), Map.of("text", text)), 400, "validation");
	}

	@Test
	void refusesAOneMegabyteBodyAsTooLarge() {
		String text = "a".repeat(1024 * 1024);
		expectProblem(postDraft(agent(tenant("huge")), Map.of("text", text)), 413, "too-large");
	}

	@Test
	void rejectsUnknownFields() {
		expectProblem(postDraft(agent(tenant("typo")), Map.of("text", "printer", "txet", "x")), 400, "validation");
	}

	@Test
	void answersNotFoundForAnUnknownTicket() {
		expectProblem(this.web.get()
			.uri("/api/ai/tickets/{id}/recommendations", UUID.randomUUID())
			.headers((h) -> h.setBearerAuth(agent(tenant("unknown"))))
			.exchange(), 404, "not-found");
	}

	@Test
	void rejectsAMalformedTicketId() {
		expectProblem(this.web.get()
			.uri("/api/ai/tickets/not-a-uuid/recommendations")
			.headers((h) -> h.setBearerAuth(agent(tenant("malformed"))))
			.exchange(), 400, "validation");
	}

	@Test
	void needsAToken() {
		expectProblem(this.web.post()
			.uri("/api/ai/suggestions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "printer"))
			.exchange(), 401, "unauthorized");
	}

	@Test
	void answersAnEmptyCorpusWithEmptyListsFromTheBaseModel() {
		JsonNode answer = postDraft(agent(tenant("fresh")), Map.of("text", "Das Netzwerk ist langsam")).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(answer.get("tickets")).isEmpty();
		assertThat(answer.get("articles")).isEmpty();
		assertThat(answer.get("model").get("name").asString()).isEqualTo("base-v1");
		assertThat(answer.get("model").get("keywordOnly").asBoolean()).isFalse();
		assertThat(answer.get("suggestions").get("category").get("label").isNull()).isTrue();
	}

	@Test
	void describesEveryEndpointInOpenApi() {
		this.web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/ai/tickets/{id}/recommendations'].get")
			.exists()
			.jsonPath("$.paths['/api/ai/suggestions'].post")
			.exists()
			.jsonPath("$.paths['/api/ai/feedback'].post")
			.exists()
			.jsonPath("$.paths['/api/ai/models'].get")
			.exists()
			.jsonPath("$.paths['/api/ai/models/training-jobs'].post")
			.exists()
			.jsonPath("$.paths['/api/ai/models/training-jobs/{id}'].get")
			.exists()
			.jsonPath("$.paths['/api/ai/models/rollback'].post")
			.exists()
			.jsonPath("$.components.securitySchemes.bearer")
			.exists();
	}

	@Test
	void storesAndCountsFeedback() {
		String tenant = tenant("feedback");
		UUID solved = UUID.randomUUID();
		solvedTicket(tenant, solved, "Wi-Fi password", "What is the guest Wi-Fi password?", "network",
				TicketPriority.LOW, "It is printed at the reception.");
		String agent = agent(tenant);
		Map<String, Object> vote = Map.of("itemKind", "TICKET", "itemId", solved.toString(), "helpful", true);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> feedback(agent, vote).returnResult().getStatus().value() == 201);

		feedback(agent, Map.of("itemKind", "TICKET", "itemId", solved.toString(), "helpful", false)).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.helpful")
			.isEqualTo(1)
			.jsonPath("$.notHelpful")
			.isEqualTo(1);
		assertThat(
				this.meters.find("deskflow.ai.feedback").tag("tenant", tenant).tag("helpful", "true").counter().count())
			.isEqualTo(1.0);
		// another tenant cannot vote on it, nor can a customer vote on a ticket
		expectProblem(feedback(agent(tenant("other")), vote), 404, "not-found");
		expectProblem(feedback(token(UUID.randomUUID(), tenant, Role.CUSTOMER), vote), 404, "not-found");
		expectProblem(feedback(agent, Map.of("itemKind", "TICKET", "itemId", solved.toString())), 400, "validation");
	}

	private BodyContentSpec expectProblem(ResponseSpec response, int status, String type) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/" + type)
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	private ResponseSpec postDraft(String token, Map<String, ?> body) {
		return this.web.post()
			.uri("/api/ai/suggestions")
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private ResponseSpec feedback(String token, Map<String, ?> body) {
		return this.web.post()
			.uri("/api/ai/feedback")
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
