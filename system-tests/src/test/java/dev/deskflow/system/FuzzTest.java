package dev.deskflow.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for every endpoint of the public API, whatever body, query string or id a
 * client sends — wrong types, missing and extra fields, nulls, huge and strange strings,
 * no JSON at all, a wrong content type — the answer is never a 5xx, and every 4xx is
 * {@code application/problem+json} carrying its status and a title. Inputs come from one
 * seed, printed first ({@code -Dfuzz.seed=} replays a run, {@code -Dfuzz.tries=} sets the
 * tries per endpoint). Anonymous endpoints are called from random loopback addresses, so
 * the per-address limits they meet are each call's own.
 */
class FuzzTest extends PlatformTest {

	private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

	private static final int TRIES = Integer.getInteger("fuzz.tries", 50);

	private static final String PASSWORD = "a long enough password";

	private static Crew crew;

	private static String ticket;

	private static String article;

	@BeforeAll
	static void tenant() {
		System.out.println(
				"FuzzTest seed " + SEED + " (-Dfuzz.seed=" + SEED + " replays it), " + TRIES + " tries per endpoint");
		crew = newTenant(FUZZ_TENANT);
		ticket = api.post("/api/tickets", crew.customer(), Map.of("subject", "Fuzz target", "description", "A ticket"))
			.body()
			.path("id")
			.asString();
		article = api
			.post("/api/kb/articles", crew.agent(),
					Map.of("title", "Fuzz article", "body", "Body", "status", "PUBLISHED"))
			.body()
			.path("id")
			.asString();
	}

	@TestFactory
	Stream<DynamicTest> noInputMakesAnEndpointFailOrAnswerWithoutAProblem() {
		List<String> ticketFilters = List.of("status", "priority", "category", "assignee", "tag", "requester",
				"createdFrom", "createdTo", "q", "sort", "limit", "cursor");
		List<String> page = List.of("limit", "cursor");
		List<Endpoint> endpoints = List.of(
				new Endpoint("POST", "/api/tickets", crew.customer(),
						Map.of("subject", "s", "description", "d", "priority", "LOW", "category", "c", "tags",
								List.of("t"))),
				new Endpoint("POST", "/api/tickets", crew.agent(),
						Map.of("subject", "s", "description", "d", "requesterId", crew.customer().id(), "channel",
								"PHONE")),
				Endpoint.read("/api/tickets", crew.agent(), ticketFilters),
				Endpoint.read("/api/tickets/{id}", crew.customer(), List.of()),
				new Endpoint("PATCH", "/api/tickets/{id}", crew.agent(),
						Map.of("status", "OPEN", "priority", "HIGH", "category", "c", "tags", List.of("t"),
								"assigneeId", crew.agent().id())),
				new Endpoint("POST", "/api/tickets/{id}/comments", crew.customer(), Map.of("body", "b")),
				new Endpoint("POST", "/api/tickets/{id}/comments", crew.agent(), Map.of("body", "b", "internal", true)),
				Endpoint.read("/api/tickets/{id}/comments", crew.agent(), page),
				Endpoint.read("/api/tickets/{id}/history", crew.customer(), page),
				new Endpoint("POST", "/api/tickets/{id}/rating", crew.customer(),
						Map.of("score", "GOOD", "comment", "c")),
				Endpoint.read("/api/tickets/{id}/rating", crew.agent(), List.of()),
				new Endpoint("POST", "/api/tickets/{id}/articles", crew.agent(), Map.of("articleId", article)),
				Endpoint.read("/api/tickets/{id}/articles", crew.agent(), List.of()),
				Endpoint.read("/api/tickets/export.csv", crew.agent(), ticketFilters),
				new Endpoint("POST", "/api/kb/articles", crew.agent(),
						Map.of("title", "t", "body", "b", "category", "c", "tags", List.of("t"), "status", "DRAFT")),
				new Endpoint("PATCH", "/api/kb/articles/{article}", crew.agent(), Map.of("title", "t", "body", "b")),
				Endpoint.read("/api/kb/articles", crew.customer(),
						List.of("q", "category", "tag", "status", "limit", "cursor", "tenant")),
				Endpoint.read("/api/kb/articles/{article}", crew.customer(), List.of("tenant")),
				Endpoint.read("/api/admin/reports/volume", crew.admin(), List.of("from", "to", "tz")),
				Endpoint.read("/api/admin/reports/{id}", crew.admin(), List.of("from", "to", "tz")),
				Endpoint.read("/api/admin/users", crew.admin(), List.of("limit", "cursor", "role", "active")),
				new Endpoint("POST", "/api/admin/users", crew.agent(),
						Map.of("email", "e@fuzz.example", "name", "n", "role", "CUSTOMER", "password", PASSWORD)),
				new Endpoint("PATCH", "/api/admin/users/{id}", crew.admin(),
						Map.of("name", "n", "role", "AGENT", "active", true)),
				Endpoint.read("/api/admin/imports/{id}", crew.admin(), List.of()),
				new Endpoint("POST", "/api/ai/suggestions", crew.customer(), Map.of("text", "printer broken")),
				new Endpoint("POST", "/api/ai/feedback", crew.agent(),
						Map.of("ticketId", ticket, "itemKind", "ARTICLE", "itemId", article, "helpful", true)),
				Endpoint.read("/api/ai/tickets/{id}/recommendations", crew.agent(), List.of()),
				Endpoint.read("/api/ai/models", crew.admin(), List.of()),
				new Endpoint("POST", "/api/ai/models/rollback", crew.admin(), Map.of()),
				Endpoint.read("/api/ai/models/training-jobs/{id}", crew.admin(), List.of()),
				new Endpoint("POST", "/api/realtime/connect-tickets", crew.customer(), Map.of()),
				new Endpoint("POST", "/api/auth/login", null,
						Map.of("tenant", FUZZ_TENANT, "email", "nobody@fuzz.example", "password", PASSWORD)),
				new Endpoint("POST", "/api/auth/signup", null,
						Map.of("tenant", FUZZ_TENANT, "email", "s@fuzz.example", "password", PASSWORD, "name", "n")),
				new Endpoint("POST", "/api/auth/refresh", null, Map.of("refreshToken", "abc")),
				new Endpoint("POST", "/api/auth/logout", null, Map.of("refreshToken", "abc")),
				new Endpoint("POST", "/api/admin/tenants", OPERATOR, Map.of("slug", "fuzz-made", "name", "n", "admin",
						Map.of("email", "a@fuzz.example", "name", "n", "password", PASSWORD))));
		Malformed malformed = new Malformed(SEED);
		return endpoints.stream().map((endpoint) -> {
			List<Call> calls = new ArrayList<>();
			for (int i = 0; i < TRIES; i++) {
				calls.add(endpoint.call(malformed));
			}
			return DynamicTest.dynamicTest(endpoint.toString(), () -> assertAllAnsweredWell(calls));
		});
	}

	private static void assertAllAnsweredWell(List<Call> calls) {
		List<String> violations = Collections.synchronizedList(new ArrayList<>());
		runConcurrently(4, calls.size(), (i) -> {
			Call call = calls.get(i);
			String violation = call.violation();
			if (violation != null) {
				violations.add(violation + " ← " + call);
			}
		});
		assertThat(violations).as("seed " + SEED + ": %d of %d calls answered badly", violations.size(), calls.size())
			.isEmpty();
	}

	/** An endpoint, the caller, and a body it accepts (null for a read). */
	private record Endpoint(String method, String path, Api.User user, Map<String, Object> validBody,
			List<String> parameters) {

		Endpoint(String method, String path, Api.User user, Map<String, Object> validBody) {
			this(method, path, user, validBody, List.of());
		}

		static Endpoint read(String path, Api.User user, List<String> parameters) {
			return new Endpoint("GET", path, user, null, parameters);
		}

		Call call(Malformed malformed) {
			String real = this.path.contains("{article}") ? article : this.path.contains("/users/")
					? crew.customer().id() : this.path.contains("/reports/") ? "breakdown" : ticket;
			String target = this.path.replaceAll("\\{[a-z]+}",
					Matcher.quoteReplacement(malformed.oneIn(3) ? malformed.pathSegment() : real))
					+ malformed.query(this.parameters);
			String body = (this.validBody != null) ? malformed.body(this.validBody) : null;
			String contentType = (this.validBody != null) ? malformed.contentType() : null;
			return new Call(this, target, body, contentType);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " as " + ((this.user == null) ? "anonymous" : (this.user == OPERATOR)
					? "the operator" : Api.claims(this.user.token()).path("roles").path(0).asString());
		}

	}

	/** One generated request. */
	private record Call(Endpoint endpoint, String target, String body, String contentType) {

		/**
		 * @return what is wrong with the answer, or null
		 */
		String violation() {
			if (this.endpoint.user() == null) {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				LoopbackClient client = new LoopbackClient(
						"127." + random.nextInt(1, 255) + "." + random.nextInt(256) + "." + random.nextInt(2, 255),
						platform.ports.get("GATEWAY"));
				LoopbackClient.Reply reply = client.send(this.endpoint.method(), this.target, this.body,
						"Content-Type: " + this.contentType);
				String type = reply.head()
					.lines()
					.filter((line) -> line.regionMatches(true, 0, "Content-Type:", 0, 13))
					.map((line) -> line.substring(13).trim())
					.findFirst()
					.orElse(null);
				return violation(reply.status(), type, reply.body());
			}
			List<String> headers = new ArrayList<>(List.of("If-Match", "\"0\""));
			if (this.contentType != null) {
				headers.addAll(List.of("Content-Type", this.contentType));
			}
			Api.Answer answer = api.raw(this.endpoint.method(), this.target, this.endpoint.user(), this.body,
					headers.toArray(String[]::new));
			return violation(answer.status(), answer.header("Content-Type"), answer.response().body());
		}

		private static String violation(int status, String contentType, String body) {
			if (status >= 500) {
				return "status " + status + " " + abbreviate(body);
			}
			if (status < 400) {
				return null;
			}
			if (contentType == null || !contentType.startsWith("application/problem+json")) {
				return "status " + status + " as " + contentType + ": " + abbreviate(body);
			}
			JsonNode problem;
			try {
				problem = Api.JSON.readTree(body);
			}
			catch (JacksonException ex) {
				return "status " + status + " with a problem that is not JSON: " + abbreviate(body);
			}
			if (problem.path("status").asInt() != status || problem.path("title").asString().isBlank()) {
				return "status " + status + " with the problem " + abbreviate(body);
			}
			return null;
		}

		private static String abbreviate(String text) {
			return (text == null || text.length() <= 300) ? text : text.substring(0, 300) + "…";
		}

		@Override
		public String toString() {
			return this.endpoint.method() + " " + abbreviate(this.target) + " (" + this.contentType + ") "
					+ abbreviate(this.body);
		}

	}

}
