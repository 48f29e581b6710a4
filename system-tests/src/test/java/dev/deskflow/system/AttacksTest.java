package dev.deskflow.system;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OWASP API Security Top 10 against the real platform, through the gateway only: two
 * tenants (an attacker's and a victim's) with two customers each. Object access by id
 * across tenants and customers (API1), forged tokens (API2), mass assignment of protected
 * fields (API3), rate-limit evasion, oversized and deeply nested bodies (API4), injection
 * in filters and search (API8/10), and internal notes on every read path. Every refusal
 * is problem+json and nothing of the victim's shows in any answer.
 */
class AttacksTest extends PlatformTest {

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	/** A word only the victim tenant's data contains. */
	private static final String VICTIM = "victim" + RUN;

	private static Crew attacker;

	private static Crew victim;

	private static String victimTicket;

	private static String victimDraft;

	private static String victimArticle;

	private static String victimImport;

	private static String victimTraining;

	private static String ownTicket;

	private static String neighboursTicket;

	@BeforeAll
	static void victims() {
		attacker = newTenant("atk-a-" + RUN);
		victim = newTenant("atk-b-" + RUN);
		victimTicket = raise(victim.customer(), "Printer on fire " + VICTIM, "It smokes, " + VICTIM);
		created(api.post("/api/tickets/" + victimTicket + "/comments", victim.agent(), Map.of("body", "Unplug it")));
		created(api.post("/api/tickets/" + victimTicket + "/comments", victim.agent(),
				Map.of("body", "Internal: " + VICTIM + " is a VIP", "internal", true)));
		Api.Answer solved = api.patch("/api/tickets/" + victimTicket, victim.agent(),
				api.get("/api/tickets/" + victimTicket, victim.agent()).header("ETag"), Map.of("status", "SOLVED"));
		assertThat(solved.status()).as(String.valueOf(solved.body())).isEqualTo(200);
		created(api.post("/api/tickets/" + victimTicket + "/rating", victim.customer(), Map.of("score", "GOOD")));
		victimDraft = created(api.post("/api/kb/articles", victim.agent(),
				Map.of("title", "Draft " + VICTIM, "body", "Secret draft " + VICTIM)));
		victimArticle = created(api.post("/api/kb/articles", victim.agent(),
				Map.of("title", "Printers " + VICTIM, "body", "Unplug " + VICTIM, "status", "PUBLISHED")));
		assertThat(api
			.post("/api/tickets/" + victimTicket + "/articles", victim.agent(), Map.of("articleId", victimArticle))
			.status()).isEqualTo(201);
		Api.Answer imported = api.raw("POST", "/api/admin/imports?layout=endava", victim.admin(),
				"ticket_id,text,category\nX-" + RUN + ",Imported " + VICTIM + " printer,hardware\n", "Content-Type",
				"text/csv");
		assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(202);
		victimImport = imported.body().path("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api.get("/api/admin/imports/" + victimImport, victim.admin()).body().path("status").asString(),
					"SUCCEEDED"::equals);
		Api.Answer training = api.post("/api/ai/models/training-jobs", victim.admin(), Map.of());
		assertThat(training.status()).as(String.valueOf(training.body())).isEqualTo(202);
		victimTraining = training.body().path("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api.get("/api/ai/tickets/" + victimTicket + "/recommendations", victim.agent()).status(),
					(status) -> status == 200);
		assertThat(api
			.post("/api/ai/feedback", victim.agent(),
					Map.of("ticketId", victimTicket, "itemKind", "ARTICLE", "itemId", victimArticle, "helpful", true))
			.status()).isEqualTo(201);
		ownTicket = raise(attacker.customer(), "My laptop is slow", "Since the update it takes minutes to boot.");
		neighboursTicket = raise(attacker.otherCustomer(), "Neighbour " + RUN + " payroll question",
				"Where is my payslip for " + RUN + "?");
	}

	@Test
	void anotherTenantsObjectsAreNotFoundByAnyRoleOnAnyPath() {
		JsonNode before = api.get("/api/tickets/" + victimTicket, victim.agent()).body();
		String etag = "\"" + before.path("version").asLong() + "\"";
		List<Probe> probes = List.of(Probe.of("GET", "/api/tickets/" + victimTicket),
				Probe.of("PATCH", "/api/tickets/" + victimTicket, Map.of("status", "OPEN"), "If-Match", etag),
				Probe.of("GET", "/api/tickets/" + victimTicket + "/comments"),
				Probe.of("POST", "/api/tickets/" + victimTicket + "/comments", Map.of("body", "pwned")),
				Probe.of("GET", "/api/tickets/" + victimTicket + "/history"),
				Probe.of("GET", "/api/tickets/" + victimTicket + "/rating"),
				Probe.of("POST", "/api/tickets/" + victimTicket + "/rating", Map.of("score", "BAD")),
				Probe.of("GET", "/api/tickets/" + victimTicket + "/articles"),
				Probe.of("POST", "/api/tickets/" + victimTicket + "/articles", Map.of("articleId", victimArticle)),
				Probe.of("GET", "/api/kb/articles/" + victimDraft),
				Probe.of("GET", "/api/kb/articles/" + victimArticle),
				Probe.of("PATCH", "/api/kb/articles/" + victimDraft, Map.of("title", "pwned"), "If-Match", "\"0\""),
				Probe.of("GET", "/api/admin/imports/" + victimImport),
				Probe.of("GET", "/api/admin/users/" + victim.customer().id()),
				Probe.of("PATCH", "/api/admin/users/" + victim.customer().id(), Map.of("active", false)),
				Probe.of("GET", "/api/ai/tickets/" + victimTicket + "/recommendations"),
				Probe.of("POST", "/api/ai/feedback",
						Map.of("ticketId", victimTicket, "itemKind", "TICKET", "itemId", victimTicket, "helpful",
								false)),
				Probe.of("POST", "/api/ai/feedback",
						Map.of("itemKind", "ARTICLE", "itemId", victimArticle, "helpful", false)),
				Probe.of("GET", "/api/ai/models/training-jobs/" + victimTraining));
		for (Api.User user : List.of(attacker.admin(), attacker.agent(), attacker.customer())) {
			for (Probe probe : probes) {
				assertRefusedWithoutLeak(probe.send(user), probe, 403, 404);
			}
			// linking the victim's article to one's own ticket: the article is unknown
			Probe link = Probe.of("POST", "/api/tickets/" + ownTicket + "/articles",
					Map.of("articleId", victimArticle));
			assertRefusedWithoutLeak(link.send(user), link, 400, 403, 404);
		}
		// the published knowledge base of one tenant is not readable as another's
		assertRefusedWithoutLeak(api.get("/api/kb/articles/" + victimArticle + "?tenant=" + attacker.slug(), null),
				null, 404);
		assertRefusedWithoutLeak(api.get("/api/kb/articles?tenant=" + victim.slug(), attacker.customer()), null, 400);
		// searches and lists of the attacker's tenant show nothing of the victim's
		assertThat(api.get("/api/tickets?q=" + VICTIM, attacker.agent()).body().path("items").isEmpty()).isTrue();
		assertThat(api.get("/api/kb/articles?q=" + VICTIM, attacker.agent()).body().path("items").isEmpty()).isTrue();
		assertThat(api.get("/api/admin/users?limit=100", attacker.admin()).body().toString())
			.doesNotContain(victim.customer().id());
		Api.Answer suggestions = api.post("/api/ai/suggestions", attacker.agent(),
				Map.of("text", "Printer on fire " + VICTIM));
		assertThat(suggestions.status()).isEqualTo(200);
		assertThat(suggestions.body().toString()).doesNotContain(VICTIM).doesNotContain(victimTicket);

		// and nothing of the victim's changed
		JsonNode after = api.get("/api/tickets/" + victimTicket, victim.agent()).body();
		assertThat(after.path("version").asLong()).isEqualTo(before.path("version").asLong());
		assertThat(after.path("status").asString()).isEqualTo("SOLVED");
		assertThat(api.get("/api/tickets/" + victimTicket + "/comments", victim.agent()).body().path("items").size())
			.isEqualTo(2);
		assertThat(api.get("/api/tickets/" + victimTicket + "/rating", victim.agent()).body().path("score").asString())
			.isEqualTo("GOOD");
		assertThat(api.get("/api/kb/articles/" + victimDraft, victim.agent()).body().path("title").asString())
			.isEqualTo("Draft " + VICTIM);
		assertThat(
				api.get("/api/admin/users/" + victim.customer().id(), victim.admin()).body().path("active").asBoolean())
			.isTrue();
		// the victim's report counts its own tickets only: the one raised and the one
		// imported
		Api.Answer report = api.get("/api/admin/reports/breakdown", victim.admin());
		assertThat(report.status()).as(String.valueOf(report.body())).isEqualTo(200);
		assertThat(report.body().path("total").asLong()).as(report.body().toString()).isEqualTo(2);
	}

	@Test
	void anotherCustomersTicketIsNotFoundAndCannotBeFollowed() {
		String[] notFound = { "", "/comments", "/history", "/rating" };
		for (String path : notFound) {
			Probe probe = Probe.of("GET", "/api/tickets/" + neighboursTicket + path);
			assertRefusedWithoutLeak(probe.send(attacker.customer()), probe, 404);
		}
		List<Probe> writes = List.of(
				Probe.of("PATCH", "/api/tickets/" + neighboursTicket, Map.of("status", "CLOSED"), "If-Match", "\"0\""),
				Probe.of("POST", "/api/tickets/" + neighboursTicket + "/comments", Map.of("body", "mine now")),
				Probe.of("POST", "/api/tickets/" + neighboursTicket + "/rating", Map.of("score", "BAD")),
				Probe.of("GET", "/api/ai/tickets/" + neighboursTicket + "/recommendations"), Probe.of("POST",
						"/api/ai/feedback", Map.of("ticketId", neighboursTicket, "itemKind", "TICKET", "itemId",
								neighboursTicket, "helpful", false)),
				Probe.of("GET", "/api/tickets/" + neighboursTicket + "/articles"));
		for (Probe probe : writes) {
			assertRefusedWithoutLeak(probe.send(attacker.customer()), probe, 403, 404);
		}
		for (String query : List.of("q=" + RUN, "q=payroll", "requester=" + attacker.otherCustomer().id(),
				"limit=100")) {
			Api.Answer list = api.get("/api/tickets?" + query, attacker.customer());
			assertThat(list.status()).as(query + " " + list.body()).isIn(200, 400);
			assertThat(list.body().toString()).as(query).doesNotContain(neighboursTicket).doesNotContain("payslip");
		}
		assertThat(api.get("/api/tickets/" + neighboursTicket, attacker.otherCustomer()).status()).isEqualTo(200);

		try (LiveSocket customer = LiveSocket.open(api, platform.gateway(), attacker.customer());
				LiveSocket agent = LiveSocket.open(api, platform.gateway(), attacker.agent());
				LiveSocket victimAgent = LiveSocket.open(api, platform.gateway(), victim.agent())) {
			for (String channel : List.of("ticket:" + neighboursTicket, "ticket:" + victimTicket, "queue", "mine")) {
				JsonNode answer = customer.trySubscribe(channel);
				assertThat(answer.path("type").asString()).as(channel + ": " + answer).isEqualTo("error");
				assertThat(answer.path("code").asString()).isEqualTo("forbidden");
			}
			JsonNode crossTenant = agent.trySubscribe("ticket:" + victimTicket);
			agent.subscribe("queue");
			victimAgent.subscribe("queue");
			String marker = "after the attacker subscribed " + UUID.randomUUID();
			created(api.post("/api/tickets/" + victimTicket + "/comments", victim.agent(),
					Map.of("body", marker, "internal", true)));
			victimAgent.await(0, (frame) -> marker.equals(frame.path("data").path("body").asString()));
			// the victim's own socket has it; the attacker's never will (realtime fans
			// out within the tenant only, whatever the subscription said)
			assertThat(agent.frames).as(crossTenant.toString())
				.filteredOn((frame) -> "event".equals(frame.path("type").asString()))
				.allSatisfy(
						(frame) -> assertThat(frame.toString()).doesNotContain(victimTicket).doesNotContain(marker));
			assertThat(customer.frames).filteredOn((frame) -> "event".equals(frame.path("type").asString()))
				.allSatisfy((frame) -> assertThat(frame.toString()).doesNotContain(victimTicket)
					.doesNotContain(neighboursTicket));
		}
	}

	@Test
	void protectedFieldsCannotBeAssigned() {
		Map<String, Object> ticket = Map.of("subject", "Mass assignment", "description",
				"Trying to set what I may not.");
		String otherTenantId = Api.claims(victim.admin().token()).path("tenant_id").asString();
		Map<String, Object> protectedFields = new HashMap<>();
		protectedFields.put("id", UUID.randomUUID().toString());
		protectedFields.put("tenantId", otherTenantId);
		protectedFields.put("tenant", victim.slug());
		protectedFields.put("requesterId", attacker.otherCustomer().id());
		protectedFields.put("assigneeId", attacker.agent().id());
		protectedFields.put("status", "SOLVED");
		protectedFields.put("version", 42);
		protectedFields.put("createdAt", "2001-01-01T00:00:00Z");
		protectedFields.put("channel", "PHONE");
		protectedFields.put("role", "ADMIN");
		for (Map.Entry<String, Object> field : protectedFields.entrySet()) {
			Map<String, Object> body = new HashMap<>(ticket);
			body.put(field.getKey(), field.getValue());
			Api.Answer answer = api.post("/api/tickets", attacker.customer(), body);
			if (answer.status() == 201) {
				JsonNode raised = answer.body();
				assertThat(raised.path("requesterId").asString()).as(field.getKey())
					.isEqualTo(attacker.customer().id());
				assertThat(raised.path(field.getKey()).asString()).as(field.getKey())
					.isNotEqualTo(String.valueOf(field.getValue()));
			}
			else {
				Api.assertProblem(answer, 400);
			}
		}

		JsonNode mine = api.get("/api/tickets/" + ownTicket, attacker.customer()).body();
		String etag = "\"" + mine.path("version").asLong() + "\"";
		for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("assigneeId", attacker.agent().id()),
				Map.of("priority", "URGENT"), Map.of("status", "SOLVED"),
				Map.of("requesterId", attacker.otherCustomer().id()), Map.of("version", 99),
				Map.of("tenantId", otherTenantId), Map.of("id", UUID.randomUUID().toString()),
				Map.of("createdAt", "2001-01-01T00:00:00Z"))) {
			Api.assertProblem(api.patch("/api/tickets/" + ownTicket, attacker.customer(), etag, change), 400, 403, 409);
		}
		for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("version", 99),
				Map.of("requesterId", attacker.otherCustomer().id()), Map.of("tenantId", otherTenantId))) {
			Api.assertProblem(api.patch("/api/tickets/" + ownTicket, attacker.agent(), etag, change), 400);
		}
		JsonNode after = api.get("/api/tickets/" + ownTicket, attacker.agent()).body();
		assertThat(after.path("version").asLong()).isEqualTo(mine.path("version").asLong());
		assertThat(after.path("assigneeId").isMissingNode()).isTrue();
		assertThat(after.path("priority").asString()).isEqualTo(mine.path("priority").asString());

		Api.assertProblem(api.post("/api/tickets/" + ownTicket + "/comments", attacker.customer(),
				Map.of("body", "I am staff", "internal", true)), 400);
		Api.assertProblem(api.post("/api/tickets/" + ownTicket + "/comments", attacker.customer(),
				Map.of("body", "From the agent", "authorId", attacker.agent().id())), 400);
		Api.assertProblem(api.post("/api/kb/articles", attacker.agent(),
				Map.of("title", "T", "body", "B", "tenantId", otherTenantId)), 400);
		Api.assertProblem(
				api.post("/api/kb/articles", attacker.agent(), Map.of("title", "T", "body", "B", "version", 7)), 400);
		Api.assertProblem(api.post("/api/ai/feedback", attacker.agent(),
				Map.of("itemKind", "ARTICLE", "itemId", victimArticle, "helpful", true, "tenant", victim.slug())), 400);

		// sign-up makes customers, whatever the body claims
		String email = "mass-" + RUN + "@example.com";
		Api.Answer signup = api.post("/api/auth/signup", null, Map.of("tenant", attacker.slug(), "email", email,
				"password", "a long enough password", "name", "Mallory", "role", "ADMIN"));
		if (signup.status() == 201) {
			assertThat(Api.claims(api.login(attacker.slug(), email, "a long enough password").token())
				.path("roles")
				.toString()).isEqualTo("[\"CUSTOMER\"]");
		}
		else {
			Api.assertProblem(signup, 400);
		}
		// an agent may make customers only, and may not promote anyone
		Api.assertProblem(api.post("/api/admin/users", attacker.agent(), Map.of("email", "boss-" + RUN + "@example.com",
				"name", "Boss", "role", "ADMIN", "password", "a long enough password")), 403);
		Api.assertProblem(api.raw("PATCH", "/api/admin/users/" + attacker.agent().id(), attacker.agent(),
				"{\"role\":\"ADMIN\"}", "Content-Type", "application/json"), 403);
		Api.assertProblem(api.raw("PATCH", "/api/admin/users/" + attacker.customer().id(), attacker.admin(),
				"{\"tenantId\":\"" + otherTenantId + "\"}", "Content-Type", "application/json"), 400);
		assertThat(Api
			.claims(api.login(attacker.slug(), "admin@" + attacker.slug() + ".example", "a long enough password")
				.token())
			.path("tenant")
			.asString()).isEqualTo(attacker.slug());
	}

	@Test
	void onlyTheOperatorCreatesTenants() {
		Map<String, Object> tenant = Map.of("slug", "op-" + RUN, "name", "Made by the operator", "admin",
				Map.of("email", "admin@op-" + RUN + ".example", "name", "Admin", "password", "a long enough password"));
		Api.assertProblem(api.post("/api/admin/tenants", null, tenant), 401, 403);
		Api.assertProblem(api.post("/api/admin/tenants", attacker.admin(), tenant), 401, 403);
		Api.assertProblem(api.post("/api/admin/tenants", new Api.User("local-operator-token-but-wrong", null), tenant),
				401, 403);
		Api.assertProblem(api.post("/api/admin/signing-keys", attacker.admin(), Map.of()), 401, 403);
		// the operator's own credential passes the gateway to ticket-service, which
		// checks it
		Api.Answer created = api.post("/api/admin/tenants", OPERATOR, tenant);
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
	}

	@Test
	void forgedTokensAreRefusedWith401() {
		ForgedTokens forger = ForgedTokens.of(platform.ports.get("POSTGRES"));
		String real = attacker.admin().token();
		long now = System.currentTimeMillis() / 1000;
		Map<String, String> forgeries = new java.util.LinkedHashMap<>();
		forgeries.put("alg none", forger.unsigned(ForgedTokens.claimsOf(real)));
		forgeries.put("HS256 with the public key", forger.hmacWithPublicKey(ForgedTokens.claimsOf(real)));
		forgeries.put("HS256 with the PEM public key", forger.hmacWithPublicKeyPem(ForgedTokens.claimsOf(real)));
		forgeries.put("own key, real kid", forger.signedWithOwnKey(ForgedTokens.claimsOf(real), forger.kid()));
		forgeries.put("own key, unknown kid", forger.signedWithOwnKey(ForgedTokens.claimsOf(real), "kid-" + RUN));
		forgeries.put("own key embedded as jwk/jku", forger.signedWithEmbeddedKey(ForgedTokens.claimsOf(real)));
		forgeries.put("tampered tenant", ForgedTokens.tampered(real, (claims) -> claims.put("tenant", victim.slug())
			.put("tenant_id", Api.claims(victim.admin().token()).path("tenant_id").asString())));
		forgeries.put("tampered role",
				ForgedTokens.tampered(attacker.customer().token(), (claims) -> claims.putArray("roles").add("ADMIN")));
		forgeries.put("signature stripped", real.substring(0, real.lastIndexOf('.') + 1));
		forgeries.put("expired", forger.signedWithRealKey(
				ForgedTokens.claimsOf(real).put("iat", now - 7200).put("nbf", now - 7200).put("exp", now - 3600)));
		forgeries.put("not yet valid", forger.signedWithRealKey(ForgedTokens.claimsOf(real).put("nbf", now + 3600)));
		forgeries.put("wrong issuer",
				forger.signedWithRealKey(ForgedTokens.claimsOf(real).put("iss", "https://issuer.example")));
		forgeries.put("wrong audience", forger.signedWithRealKey(ForgedTokens.claimsOf(real).put("aud", "other-api")));
		forgeries.put("garbage", "not.a.token");
		// the control: the same machinery with nothing wrong is accepted
		assertThat(api
			.get("/api/tickets?limit=1", new Api.User(forger.signedWithRealKey(ForgedTokens.claimsOf(real)), null))
			.status()).isEqualTo(200);
		forgeries.forEach((name, token) -> {
			Api.User forged = new Api.User(token, null);
			for (String path : List.of("/api/tickets?limit=1", "/api/admin/users", "/api/ai/models")) {
				Api.Answer answer = api.get(path, forged);
				assertThat(answer.status()).as(name + " " + path + ": " + answer.body()).isEqualTo(401);
				Api.assertProblem(answer, 401);
				assertThat(answer.header("WWW-Authenticate")).as(name).startsWith("Bearer");
			}
			Api.assertProblem(api.post("/api/realtime/connect-tickets", forged, Map.of()), 401);
		});
	}

	@Test
	void anonymousLimitsHoldWhateverAddressHeadersAndPathsClaim() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LoopbackClient client = new LoopbackClient("127.0." + random.nextInt(1, 255) + "." + random.nextInt(2, 255),
				platform.ports.get("GATEWAY"));
		String query = "?tenant=" + attacker.slug() + "&limit=1";
		List<String> paths = List.of("/api/kb/articles" + query, "/api/kb//articles" + query,
				"/api/kb/./articles" + query, "/api/kb/%61rticles" + query, "/api/%6bb/articles" + query,
				"/api/kb/articles/" + query, "/API/kb/articles" + query, "/api/KB/articles" + query);
		AtomicInteger passed = new AtomicInteger();
		AtomicInteger limited = new AtomicInteger();
		long start = System.nanoTime();
		untilRefused(limited, 8, 200, (i) -> {
			String spoofed = random.nextInt(1, 224) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
					+ random.nextInt(1, 255);
			LoopbackClient.Reply reply = client.send("GET", paths.get(i % paths.size()), null,
					"X-Forwarded-For: " + spoofed, "X-Real-IP: " + spoofed, "Forwarded: for=" + spoofed,
					"True-Client-IP: " + spoofed);
			assertThat(reply.status()).as(reply.head()).isLessThan(500);
			if (reply.status() == 429) {
				limited.incrementAndGet();
				assertThat(reply.head()).containsIgnoringCase("application/problem+json")
					.containsIgnoringCase("Retry-After");
			}
			else if (reply.status() == 200 && reply.isJson()) {
				passed.incrementAndGet();
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(limited.get()).as("refused calls").isPositive();
		assertThat(passed.get()).as("answered calls in %.1f s", seconds)
			.isLessThanOrEqualTo(ANONYMOUS_CAPACITY + (int) Math.ceil(seconds * ANONYMOUS_CAPACITY / 60.0) + 8);
	}

	@Test
	void aUsersLimitHoldsWhateverHeadersAndPathsClaim() {
		Api.User user = newUser(attacker.admin(), attacker.slug(), "CUSTOMER", "a long enough password");
		List<String> paths = List.of("/api/tickets?limit=1", "/api/tickets/?limit=1", "/api//tickets?limit=1",
				"/api/./tickets?limit=1", "/api/%74ickets?limit=1", "/API/tickets?limit=1");
		AtomicInteger passed = new AtomicInteger();
		AtomicInteger limited = new AtomicInteger();
		long start = System.nanoTime();
		untilRefused(limited, 8, 100, (i) -> {
			Api.Answer answer = api.raw("GET", paths.get(i % paths.size()), user, null, "X-Forwarded-For",
					"10.0." + (i % 250) + ".1", "X-User-Id", UUID.randomUUID().toString(), "X-Tenant-Id",
					victim.slug());
			assertThat(answer.status()).as(String.valueOf(answer.body())).isLessThan(500);
			if (answer.status() == 429) {
				limited.incrementAndGet();
				Api.assertProblem(answer, 429);
				assertThat(answer.header("Retry-After")).isNotBlank();
			}
			else if (answer.status() == 200
					&& String.valueOf(answer.header("Content-Type")).startsWith("application/json")) {
				passed.incrementAndGet();
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(limited.get()).as("refused calls").isPositive();
		assertThat(passed.get()).as("answered calls in %.1f s", seconds)
			.isLessThanOrEqualTo(300 + (int) Math.ceil(seconds * 5) + 8);
	}

	@Test
	void manyUsersOfOneTenantShareItsLimit() {
		Crew crowd = newTenant("atk-c-" + RUN);
		List<Api.User> users = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			users.add(newUser(crowd.admin(), crowd.slug(), "CUSTOMER", "a long enough password"));
		}
		Map<String, AtomicInteger> passedByUser = new ConcurrentHashMap<>();
		AtomicInteger passed = new AtomicInteger();
		AtomicInteger limited = new AtomicInteger();
		long start = System.nanoTime();
		untilRefused(limited, 16, 400, (i) -> {
			Api.User user = users.get(i % users.size());
			Api.Answer answer = api.get("/api/tickets/" + UUID.randomUUID(), user);
			assertThat(answer.status()).as(String.valueOf(answer.body())).isLessThan(500);
			if (answer.status() == 429) {
				limited.incrementAndGet();
			}
			else {
				passed.incrementAndGet();
				passedByUser.computeIfAbsent(user.id(), (id) -> new AtomicInteger()).incrementAndGet();
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(limited.get()).as("refused calls").isPositive();
		assertThat(passed.get()).as("answered calls in %.1f s", seconds)
			.isLessThanOrEqualTo(3000 + (int) Math.ceil(seconds * 50) + 16);
		// more got through than any one user's budget allows: the tenant's ran out
		assertThat(passedByUser).hasSize(users.size());
		assertThat(passed.get()).isGreaterThan(300 + (int) Math.ceil(seconds * 5) + 16);
	}

	@Test
	void oversizedAndDeeplyNestedBodiesAreRefusedCleanly() throws Exception {
		String huge = "{\"subject\":\"big\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
		Api.assertProblem(
				api.raw("POST", "/api/tickets", attacker.customer(), huge, "Content-Type", "application/json"), 413);
		HttpRequest streamed = HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/tickets"))
			.header("Authorization", "Bearer " + attacker.customer().token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
			.build();
		HttpResponse<String> chunked = HttpClient.newHttpClient().send(streamed, HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
		assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		Api.assertProblem(api.post("/api/ai/suggestions", attacker.agent(), Map.of("text", "y".repeat(300 * 1024))),
				413);

		int depth = 10_000;
		String arrays = "[".repeat(depth) + "]".repeat(depth);
		String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
		List<String> targets = List.of("POST /api/tickets", "PATCH /api/tickets/" + ownTicket,
				"POST /api/tickets/" + ownTicket + "/comments", "POST /api/tickets/" + ownTicket + "/rating",
				"POST /api/tickets/" + ownTicket + "/articles", "POST /api/kb/articles", "POST /api/ai/suggestions",
				"POST /api/ai/feedback", "POST /api/admin/users", "POST /api/auth/login", "POST /api/auth/signup",
				"POST /api/auth/refresh");
		for (String target : targets) {
			String[] methodAndPath = target.split(" ");
			for (String nested : List.of("{\"subject\":" + arrays + "}", "{\"text\":" + objects + "}", arrays)) {
				Api.Answer answer = api.raw(methodAndPath[0], methodAndPath[1], attacker.admin(), nested,
						"Content-Type", "application/json", "If-Match", "\"0\"");
				assertThat(answer.status()).as(target + " " + answer.body()).isLessThan(500);
				Api.assertProblem(answer, 400, 403, 412, 413, 428);
			}
		}
	}

	@Test
	void injectionInFiltersAndSearchNeverErrsNorLeaks() {
		Api.User agent = newUser(attacker.admin(), attacker.slug(), "AGENT", "a long enough password");
		List<String> payloads = List.of("' OR '1'='1", "%' OR 1=1 --", VICTIM + "') UNION SELECT * FROM tickets --",
				VICTIM + " OR 1=1", "!!(" + VICTIM + " | x):* <-> & |", "\\", "%", "_", "''", "\u0000",
				"${jndi:ldap://x}", VICTIM + "' OR tenant_id IS NOT NULL OR 'a'='a", "x".repeat(5000));
		List<String> ticketParameters = List.of("q", "status", "priority", "category", "assignee", "tag", "requester",
				"createdFrom", "createdTo", "sort", "limit", "cursor");
		for (String payload : payloads) {
			String value = URLEncoder.encode(payload, StandardCharsets.UTF_8);
			for (String parameter : ticketParameters) {
				assertNoErrorNorLeak(api.get("/api/tickets?" + parameter + "=" + value, agent), parameter, payload);
			}
			for (String parameter : List.of("q", "category", "tag", "status", "cursor")) {
				assertNoErrorNorLeak(api.get("/api/kb/articles?" + parameter + "=" + value, agent), parameter, payload);
			}
			for (String parameter : List.of("from", "to", "tz")) {
				assertNoErrorNorLeak(api.get("/api/admin/reports/volume?" + parameter + "=" + value, attacker.admin()),
						parameter, payload);
			}
			assertNoErrorNorLeak(api.get("/api/admin/users?role=" + value, attacker.admin()), "role", payload);
			assertNoErrorNorLeak(api.get("/api/tickets/export.csv?q=" + value, attacker.admin()), "export q", payload);
			assertNoErrorNorLeak(api.post("/api/ai/suggestions", agent, Map.of("text", payload)), "suggestions",
					payload);
		}
	}

	@Test
	void encodedTraversalAndControlCharactersInThePathAreRefusedWithAProblem() {
		LoopbackClient client = new LoopbackClient("127.0.0.1", platform.ports.get("GATEWAY"));
		for (String path : List.of("/api/tickets/%2e%2e/%2e%2e/actuator/env",
				"/api/tickets/" + ownTicket + "%2Fcomments", "/api/tickets/..%5C..%5Cadmin", "/api/tickets/%2500",
				"/api/tickets/a%00b", "/api/kb/articles/%2e%2e")) {
			LoopbackClient.Reply reply = client.send("GET", path, null,
					"Authorization: Bearer " + attacker.agent().token());
			assertThat(reply.status()).as(path).isEqualTo(400);
			assertThat(reply.head()).as(path).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(Api.JSON.readTree(reply.body()).path("status").asInt()).as(path).isEqualTo(400);
		}
	}

	@Test
	void internalNotesReachNoCustomerOnAnyPath() {
		String note = "secretnote" + RUN;
		String reply = "We are looking into the slow boot.";
		try (LiveSocket customerSocket = LiveSocket.open(api, platform.gateway(), attacker.customer());
				LiveSocket agentSocket = LiveSocket.open(api, platform.gateway(), attacker.agent())) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> customerSocket.trySubscribe("ticket:" + ownTicket).path("type").asString(),
						"subscribed"::equals);
			agentSocket.subscribe("ticket:" + ownTicket);
			created(api.post("/api/tickets/" + ownTicket + "/comments", attacker.agent(),
					Map.of("body", "Internal: " + note + " the customer's disk is failing", "internal", true)));
			created(api.post("/api/tickets/" + ownTicket + "/comments", attacker.agent(), Map.of("body", reply)));
			// the note reached staff, and the later public reply reached the customer
			agentSocket.await(0, (frame) -> frame.path("data").path("body").asString().contains(note));
			customerSocket.await(0, (frame) -> reply.equals(frame.path("data").path("body").asString()));
			assertThat(api.get("/api/tickets/" + ownTicket + "/comments", attacker.agent()).body().toString())
				.contains(note);

			Api.User customer = attacker.customer();
			List<String> reads = List.of("/api/tickets/" + ownTicket, "/api/tickets/" + ownTicket + "/comments",
					"/api/tickets/" + ownTicket + "/history", "/api/tickets?q=" + note, "/api/tickets?limit=100",
					"/api/tickets?q=disk%20failing", "/api/ai/tickets/" + ownTicket + "/recommendations");
			for (String read : reads) {
				Api.Answer answer = api.get(read, customer);
				assertThat(answer.status()).as(read + " " + answer.body()).isIn(200, 404);
				assertThat(String.valueOf(answer.body())).as(read)
					.doesNotContain(note)
					.doesNotContain("\"internal\":true");
			}
			assertThat(api.get("/api/tickets/" + ownTicket + "/history", customer).body().toString())
				.doesNotContain("noted");
			assertThat(api.get("/api/tickets?q=" + note, customer).body().path("items").isEmpty()).isTrue();
			assertThat(api.get("/api/tickets?q=" + note, attacker.otherCustomer()).body().path("items").isEmpty())
				.isTrue();
			Api.assertProblem(api.get("/api/tickets/export.csv", customer), 403);
			assertThat(String.valueOf(api.get("/api/tickets/export.csv", attacker.agent()).body()))
				.doesNotContain(note);
			Api.Answer suggestions = api.post("/api/ai/suggestions", customer,
					Map.of("text", note + " the customer's disk is failing"));
			assertThat(suggestions.status()).isEqualTo(200);
			assertThat(suggestions.body().toString()).doesNotContain(note);
			assertThat(customerSocket.frames.toString()).doesNotContain(note);
		}
	}

	private static void assertNoErrorNorLeak(Api.Answer answer, String parameter, String payload) {
		String what = parameter + "=" + payload.substring(0, Math.min(60, payload.length()));
		assertThat(answer.status()).as(what + " → " + answer.body()).isLessThan(500);
		if (answer.status() >= 400) {
			Api.assertProblem(answer, answer.status());
		}
		assertThat(String.valueOf(answer.body())).as(what).doesNotContain(victimTicket).doesNotContain("It smokes");
	}

	private static void assertRefusedWithoutLeak(Api.Answer answer, Probe probe, int... statuses) {
		Api.assertProblem(answer, statuses);
		assertThat(answer.body().toString()).as(String.valueOf(probe))
			.doesNotContain(VICTIM)
			.doesNotContain("It smokes")
			.doesNotContain(victim.slug());
	}

	/**
	 * Calls in batches until some call was refused (however fast the machine refills the
	 * buckets), at most 40 batches.
	 */
	private static void untilRefused(AtomicInteger limited, int threads, int batch, IntConsumer call) {
		for (int sent = 0; limited.get() == 0 && sent < 40 * batch; sent += batch) {
			int offset = sent;
			runConcurrently(threads, batch, (i) -> call.accept(offset + i));
		}
	}

	private static String created(Api.Answer answer) {
		assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(201, 202);
		return answer.body().path("id").asString();
	}

	/** One request of an attack. */
	private record Probe(String method, String path, String body, String... headers) {

		static Probe of(String method, String path) {
			return new Probe(method, path, null);
		}

		static Probe of(String method, String path, Map<String, Object> body, String... headers) {
			List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
			all.addAll(List.of(headers));
			return new Probe(method, path, Api.JSON.writeValueAsString(body), all.toArray(String[]::new));
		}

		Api.Answer send(Api.User user) {
			return api.raw(this.method, this.path, user, this.body, this.headers);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " " + ((this.body != null) ? this.body : "");
		}

	}

}
