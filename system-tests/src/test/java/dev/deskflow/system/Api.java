package dev.deskflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the public API, as an SPA or a script would be: JSON over HTTP with a
 * bearer token.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	Api(String base) {
		this.base = base;
	}

	/** A logged-in user of a tenant. */
	record User(String token, String id) {
	}

	/** An answer: status, headers and the body as JSON (null when empty). */
	record Answer(int status, HttpResponse<String> response, JsonNode body) {

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

	User login(String tenant, String email, String password) {
		Answer answer = post("/api/auth/login", null, Map.of("tenant", tenant, "email", email, "password", password));
		if (answer.status() != 200) {
			throw new IllegalStateException("login of " + email + " failed: " + answer.status() + " " + answer.body());
		}
		String token = answer.body().path("accessToken").asString();
		return new User(token, claims(token).path("sub").asString());
	}

	Answer get(String path, User user) {
		return send(request(path, user).GET());
	}

	Answer post(String path, User user, Object body) {
		return send(request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Answer put(String path, User user, Object body) {
		return send(request(path, user).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Answer patch(String path, User user, String ifMatch, Object body) {
		return send(request(path, user).header("Content-Type", "application/json")
			.header("If-Match", ifMatch)
			.method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/**
	 * A replacement guarded by a version.
	 * @param ifMatch the {@code If-Match} to send, or null for none
	 */
	Answer put(String path, User user, String ifMatch, Object body) {
		HttpRequest.Builder builder = request(path, user).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		return send((ifMatch != null) ? builder.header("If-Match", ifMatch) : builder);
	}

	Answer delete(String path, User user) {
		return send(request(path, user).DELETE());
	}

	/**
	 * A deletion guarded by a version.
	 * @param ifMatch the {@code If-Match} to send ({@code *}: whatever the version)
	 */
	Answer delete(String path, User user, String ifMatch) {
		return send(request(path, user).header("If-Match", ifMatch).DELETE());
	}

	/**
	 * Any request, as an attacker or a fuzzer would send it.
	 * @param method the HTTP method
	 * @param path the path and query, sent as written
	 * @param user the caller, or null for none
	 * @param headers extra headers (name, value, name, value, …)
	 * @param body the raw body, or null for none
	 * @return the answer
	 */
	Answer raw(String method, String path, User user, String body, String... headers) {
		HttpRequest.Builder builder = request(path, user).method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder);
	}

	/** An answer that must be a problem: the status and a problem+json body with it. */
	static void assertProblem(Answer answer, int... statuses) {
		assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(Arrays.stream(statuses).boxed().toArray());
		assertThat(answer.header("Content-Type")).as("the content type of a %d: %s", answer.status(), answer.body())
			.startsWith("application/problem+json");
		assertThat(answer.body()).isNotNull();
		assertThat(answer.body().path("status").asInt()).as(answer.body().toString()).isEqualTo(answer.status());
		assertThat(answer.body().path("title").asString()).as(answer.body().toString()).isNotBlank();
	}

	private HttpRequest.Builder request(String path, User user) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (user != null) {
			builder.header("Authorization", "Bearer " + user.token());
		}
		return builder;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			return new Answer(response.statusCode(), response, parse(body));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		if (body.startsWith("{") || body.startsWith("[")) {
			try {
				return JSON.readTree(body);
			}
			catch (tools.jackson.core.JacksonException ex) {
				// not JSON after all: kept as text for the assertion that reports it
			}
		}
		return JSON.getNodeFactory().textNode(body);
	}

	static JsonNode claims(String token) {
		String payload = token.split("\\.")[1];
		return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
	}

}
