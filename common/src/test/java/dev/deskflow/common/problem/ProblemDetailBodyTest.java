package dev.deskflow.common.problem;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailBodyTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void parsesAValidationProblemWithFieldErrorsAndTraceId() {
		String body = """
				{
				  "type": "https://deskflow.dev/problems/validation",
				  "title": "Invalid request",
				  "status": 400,
				  "detail": "2 fields are invalid",
				  "instance": "/api/tickets",
				  "errors": [
				    {"field": "subject", "message": "must not be blank"},
				    {"field": "tags[2]", "message": "at most 40 characters"}
				  ],
				  "traceId": "4bf92f3577b34da6a3ce929d0e0e4736",
				  "timestamp": "2025-03-04T10:15:30Z"
				}
				""";

		ProblemDetailBody problem = this.mapper.readValue(body, ProblemDetailBody.class);

		assertThat(problem).isEqualTo(
				new ProblemDetailBody(ProblemTypes.VALIDATION, "Invalid request", 400, "2 fields are invalid",
						URI.create("/api/tickets"),
						List.of(new FieldError("subject", "must not be blank"),
								new FieldError("tags[2]", "at most 40 characters")),
						"4bf92f3577b34da6a3ce929d0e0e4736"));
	}

	@Test
	void appliesTheRfcDefaultsToAnEmptyProblem() {
		ProblemDetailBody problem = this.mapper.readValue("{}", ProblemDetailBody.class);

		assertThat(problem.type()).isEqualTo(URI.create("about:blank"));
		assertThat(problem.errors()).isEmpty();
		assertThat(problem.status()).isNull();
	}

	@Test
	void leavesAbsentMembersOutOfTheJson() {
		ProblemDetailBody problem = ProblemDetailBody.of(ProblemTypes.NOT_FOUND, "Not found", 404, "No ticket 42");

		JsonNode json = this.mapper.readTree(this.mapper.writeValueAsString(problem));

		assertThat(json.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail");
		assertThat(json.get("type").stringValue()).isEqualTo("https://deskflow.dev/problems/not-found");
		assertThat(json.get("status").intValue()).isEqualTo(404);
	}

}
