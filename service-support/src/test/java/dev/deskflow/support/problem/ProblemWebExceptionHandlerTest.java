package dev.deskflow.support.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ProblemWebExceptionHandlerTest.App.class,
		properties = { "spring.http.codecs.max-in-memory-size=2KB",
				"spring.jackson.deserialization.fail-on-unknown-properties=true" })
@AutoConfigureWebTestClient
class ProblemWebExceptionHandlerTest {

	@Autowired
	WebTestClient web;

	@Test
	void listsEachInvalidFieldOfABody() {
		this.web.post()
			.uri("/notes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"\",\"body\":\"x\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/validation")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.instance")
			.isEqualTo("/notes")
			.jsonPath("$.errors[0].field")
			.isEqualTo("title")
			.jsonPath("$.errors[0].message")
			.isNotEmpty()
			.jsonPath("$.traceId")
			.isNotEmpty();
	}

	@Test
	void rejectsAnInvalidQueryParameterNamingIt() {
		this.web.get()
			.uri("/notes?limit=1000")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
	}

	@Test
	void answersMalformedJsonWithAValidationProblem() {
		this.web.post()
			.uri("/notes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/validation")
			.jsonPath("$.detail")
			.isEqualTo("The request body is not valid JSON for this endpoint.");
	}

	@Test
	void namesAnUnknownOrMistypedFieldOfTheBody() {
		this.web.post()
			.uri("/notes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"t\",\"tenantId\":\"other\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("tenantId")
			.jsonPath("$.errors[0].message")
			.isEqualTo("unknown field");
		this.web.post()
			.uri("/notes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":{\"nested\":true}}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("title");
	}

	@Test
	void answersAnOversizedBodyWith413() {
		this.web.post()
			.uri("/notes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"t\",\"body\":\"" + "x".repeat(10_000) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/too-large");
	}

	@Test
	void answersUnknownPathsMethodsAndMediaTypes() {
		this.web.get()
			.uri("/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/not-found");
		this.web.delete()
			.uri("/notes")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/method-not-allowed");
		this.web.post()
			.uri("/notes")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/unsupported-media-type");
	}

	@Test
	void passesAProblemExceptionThroughWithItsHeaders() {
		this.web.get()
			.uri("/limited")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals("Retry-After", "7")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/rate-limited")
			.jsonPath("$.detail")
			.isEqualTo("Slow down");
	}

	@Test
	void hidesTheCauseOfAnUnexpectedFailure() {
		this.web.get()
			.uri("/broken")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/internal")
			.jsonPath("$.traceId")
			.isNotEmpty()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.doesNotContain("secret-database-password"))
			.jsonPath("$.trace")
			.doesNotExist()
			.jsonPath("$.exception")
			.doesNotExist();
	}

	@Test
	void answersTextTheDatabaseCannotStoreAsBadInput() {
		this.web.get()
			.uri("/stored?q={q}", "a NUL in a JSON string")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("NUL"));
	}

	@Test
	void refusesANulCharacterInAQueryParameterBeforeTheEndpoint() {
		this.web.get()
			.uri("/notes?limit=1&q={q}", "a\u0000b")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("q");
	}

	@Test
	void answersAnUnreachableServerWith503() {
		this.web.get()
			.uri("/unreachable")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://deskflow.dev/problems/service-unavailable");
	}

	@SpringBootApplication
	@Import(NotesController.class)
	static class App {

	}

	record Note(@NotBlank String title, @Size(max = 5000) String body) {
	}

	@RestController
	@Validated
	static class NotesController {

		@PostMapping("/notes")
		Mono<Note> create(@Valid @RequestBody Note note) {
			return Mono.just(note);
		}

		@GetMapping("/notes")
		Mono<String> list(@RequestParam(defaultValue = "20") @Max(100) int limit) {
			return Mono.just("ok " + limit);
		}

		@GetMapping("/limited")
		Mono<String> limited() {
			return Mono.error(ProblemException.rateLimited(7, "Slow down"));
		}

		/**
		 * What R2DBC raises, wrapped by Spring, when PostgreSQL meets a NUL character.
		 */
		@GetMapping("/stored")
		Mono<String> stored(@RequestParam String q) {
			return Mono.error(new IllegalStateException("insert failed", new io.r2dbc.spi.R2dbcBadGrammarException(
					"invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
		}

		/** What R2DBC raises when the database cannot be reached. */
		@GetMapping("/unreachable")
		Mono<String> unreachable() {
			return Mono.error(new IllegalStateException("query failed",
					new io.r2dbc.spi.R2dbcNonTransientResourceException("Connection refused")));
		}

		@GetMapping("/broken")
		Mono<String> broken() {
			return Mono.error(new IllegalStateException("secret-database-password leaked"));
		}

	}

}
