package dev.deskflow.ticket.kb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.KbArticlePublished;
import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeBaseTest extends DeskTest {

	@Autowired
	TenantTransactions transactions;

	TenantDesk acme;

	TenantDesk globex;

	@BeforeAll
	void desks() {
		this.acme = desk("kb-acme");
		this.globex = desk("kb-globex");
	}

	@Test
	void aDraftIsStaffOnlyUntilPublishedThenAnonymousReadersFindIt() {
		String word = "zebra" + UUID.randomUUID().toString().substring(0, 6);
		Map<?, ?> draft = write(this.acme.agent,
				Map.of("title", "Reset your VPN token", "body",
						"Open the portal and press **reset** to get a new " + word + " code.", "category", "Access",
						"tags", List.of("vpn", "Token")));
		String id = (String) draft.get("id");
		assertThat(draft.get("status")).isEqualTo("DRAFT");
		assertThat(draft.get("tags")).isEqualTo(List.of("vpn", "token"));

		assertThat(search(null, "?tenant=" + this.acme.slug + "&q=" + word)).isEmpty();
		assertThat(search(this.acme.customer, "?q=" + word)).isEmpty();
		assertThat(search(this.acme.agent, "?q=" + word)).hasSize(1);
		this.web.get()
			.uri("/api/kb/articles/{id}?tenant={slug}", id, this.acme.slug)
			.exchange()
			.expectStatus()
			.isNotFound();

		assertProblem(edit(this.acme.agent, id, null, Map.of("status", "PUBLISHED")), HttpStatus.PRECONDITION_REQUIRED,
				ProblemTypes.PRECONDITION_REQUIRED);
		edit(this.acme.agent, id, "\"0\"", Map.of("status", "PUBLISHED")).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"");
		assertProblem(edit(this.acme.agent, id, "\"0\"", Map.of("title", "Stale")), HttpStatus.PRECONDITION_FAILED,
				ProblemTypes.PRECONDITION_FAILED);

		List<?> found = search(null, "?tenant=" + this.acme.slug + "&q=" + word);
		assertThat(found).hasSize(1);
		assertThat(((Map<?, ?>) found.get(0)).get("id")).isEqualTo(id);
		assertThat(search(this.acme.customer, "?q=" + word + "&category=Access&tag=vpn")).hasSize(1);
		assertThat(search(this.acme.customer, "?q=" + word + "&tag=other")).isEmpty();
		this.web.get()
			.uri("/api/kb/articles/{id}?tenant={slug}", id, this.acme.slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.html")
			.value((html) -> assertThat((String) html).contains("<strong>reset</strong>"));

		List<ConsumerRecord<String, String>> records = KafkaRecords.awaitMatching(this.bootstrapServers,
				Topics.KB_EVENTS, (record) -> id.equals(record.key()), 1, Duration.ofSeconds(30));
		EventEnvelope<?> event = new EventJson().read(records.get(0).value());
		assertThat(event.tenantId().value()).isEqualTo(this.acme.slug);
		assertThat(event.data()).isInstanceOfSatisfying(KbArticlePublished.class,
				(published) -> assertThat(published.body()).contains(word));
		this.database.sql("select count(*) from kb_article_versions where article_id = :id")
			.bind("id", UUID.fromString(id))
			.map((row) -> row.get(0, Long.class))
			.one()
			.as(StepVerifier::create)
			.expectNext(2L)
			.verifyComplete();
	}

	@Test
	void rendersMarkdownToHtmlWithoutScriptsOrJavascriptLinks() {
		String body = """
				# Fix it
				Some *emphasis* and a [good link](https://example.org/help).

				<script>alert('raw')</script>
				[bad link](javascript:alert(1)) <a href="javascript:alert(2)">inline</a>
				<img src="x" onerror="alert(3)">
				""";
		Map<?, ?> article = write(this.acme.agent, Map.of("title", "Markdown", "body", body, "status", "PUBLISHED"));
		String html = (String) article.get("html");

		assertThat(html).contains("<em>emphasis</em>").contains("href=\"https://example.org/help\"");
		// raw HTML survives only as escaped text; no element carries script
		assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
		assertThat(html).doesNotContainPattern("(?i)href=\"\\s*javascript")
			.doesNotContainPattern("(?i)<img[^>]*onerror");
		assertThat(article.get("body")).isEqualTo(body);
	}

	@Test
	void onlyStaffWriteAndAnonymousReadersNameAnExistingTenant() {
		Map<String, Object> article = Map.of("title", "T", "body", "B");
		assertProblem(post(this.acme.customer, "/api/kb/articles", article), HttpStatus.FORBIDDEN,
				ProblemTypes.FORBIDDEN);
		assertProblem(post(null, "/api/kb/articles", article), HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED);
		post(this.acme.admin, "/api/kb/articles", article).expectStatus().isCreated();
		assertProblem(this.web.get().uri("/api/kb/articles").exchange(), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION)
			.jsonPath("$.errors[0].field")
			.isEqualTo("tenant");
		assertProblem(this.web.get().uri("/api/kb/articles?tenant=no-such-tenant-here").exchange(),
				HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		assertProblem(get(this.acme.customer, "/api/kb/articles?tenant=" + this.globex.slug), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);
		assertProblem(get(this.acme.customer, "/api/kb/articles?status=DRAFT"), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);
		assertProblem(this.web.get().uri("/api/kb/articles").headers((h) -> h.setBearerAuth("not-a-token")).exchange(),
				HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED);
	}

	@Test
	void rejectsInvalidArticlesAndParameters() {
		assertProblem(post(this.acme.agent, "/api/kb/articles", Map.of("title", " ", "body", "B")),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		assertProblem(post(this.acme.agent, "/api/kb/articles", Map.of("title", "T", "body", "B", "colour", "red")),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		assertProblem(
				post(this.acme.agent, "/api/kb/articles",
						Map.of("title", "T", "body", "B", "tags", List.of("no spaces allowed"))),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		String id = (String) write(this.acme.agent, Map.of("title", "T", "body", "B")).get("id");
		assertProblem(edit(this.acme.agent, id, "\"0\"", Map.of()), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		assertProblem(edit(this.acme.agent, id, "\"0\"", Map.of("body", "  ")), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION);
		for (String query : List.of("?limit=0", "?limit=x", "?cursor=bogus", "?sort=title", "?status=GONE")) {
			assertProblem(get(this.acme.agent, "/api/kb/articles" + query), HttpStatus.BAD_REQUEST,
					ProblemTypes.VALIDATION);
		}
	}

	@Test
	void pagesThroughResultsWithACursor() {
		String tag = "page" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 3; i++) {
			write(this.acme.agent,
					Map.of("title", "Article " + i, "body", "B", "tags", List.of(tag), "status", "PUBLISHED"));
		}
		Map<?, ?> first = getOk(this.acme.customer, "/api/kb/articles?limit=2&tag=" + tag);
		assertThat((List<?>) first.get("items")).hasSize(2);
		Map<?, ?> second = getOk(this.acme.customer,
				"/api/kb/articles?limit=2&tag=" + tag + "&cursor=" + first.get("nextCursor"));
		assertThat((List<?>) second.get("items")).hasSize(1);
		assertThat(second.get("nextCursor")).isNull();
		assertThat(((Map<?, ?>) ((List<?>) second.get("items")).get(0)).get("title")).isEqualTo("Article 0");
	}

	@Test
	void anotherTenantNeverSeesAnArticle() {
		String word = "secret" + UUID.randomUUID().toString().substring(0, 6);
		String id = (String) write(this.acme.agent, Map.of("title", word, "body", word, "status", "PUBLISHED"))
			.get("id");
		for (String token : List.of(this.globex.agent, this.globex.customer)) {
			get(token, "/api/kb/articles/" + id).expectStatus().isNotFound();
			assertThat(search(token, "?q=" + word)).isEmpty();
			edit(token, id, "\"0\"", Map.of("title", "mine now")).expectStatus()
				.isEqualTo((token.equals(this.globex.agent)) ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN);
		}
		this.web.get()
			.uri("/api/kb/articles/{id}?tenant={slug}", id, this.globex.slug)
			.exchange()
			.expectStatus()
			.isNotFound();
		// row-level security alone: a query without a tenant predicate sees no other
		// tenant's rows
		this.transactions
			.inTenant(this.globex.tenantId,
					() -> this.database.sql("select count(*) from kb_articles where title = :word")
						.bind("word", word)
						.map((row) -> row.get(0, Long.class))
						.one())
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
	}

	@Test
	void agentsLinkArticlesToTickets() {
		String articleId = (String) write(this.acme.agent, Map.of("title", "Printer guide", "body", "B")).get("id");
		String ticketId = (String) this.acme.raise(this.acme.customer, Map.of("subject", "Printer", "description", "x"))
			.get("id");
		String path = "/api/tickets/" + ticketId + "/articles";

		post(this.acme.agent, path, Map.of("articleId", articleId)).expectStatus().isCreated();
		post(this.acme.agent, path, Map.of("articleId", articleId)).expectStatus().isOk();
		get(this.acme.agent, path).expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].articleId")
			.isEqualTo(articleId);
		assertThat(getOk(this.acme.agent, "/api/tickets/" + ticketId + "/history").toString())
			.contains("article-linked");

		assertProblem(post(this.acme.customer, path, Map.of("articleId", articleId)), HttpStatus.FORBIDDEN,
				ProblemTypes.FORBIDDEN);
		assertProblem(post(this.globex.agent, path, Map.of("articleId", articleId)), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
		assertProblem(post(this.acme.agent, path, Map.of("articleId", UUID.randomUUID().toString())),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		String globexTicket = (String) this.globex
			.raise(this.globex.customer, Map.of("subject", "Theirs", "description", "x"))
			.get("id");
		assertProblem(
				post(this.globex.agent, "/api/tickets/" + globexTicket + "/articles", Map.of("articleId", articleId)),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
	}

	private Map<?, ?> write(String token, Map<String, ?> article) {
		return post(token, "/api/kb/articles", article).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec edit(String token, String id, String ifMatch, Map<String, ?> change) {
		return this.web.patch().uri("/api/kb/articles/{id}", id).headers((h) -> {
			h.setBearerAuth(token);
			if (ifMatch != null) {
				h.setIfMatch(ifMatch);
			}
		}).bodyValue(change).exchange();
	}

	private List<?> search(String token, String query) {
		return (List<?>) getOk(token, "/api/kb/articles" + query).get("items");
	}

	private Map<?, ?> getOk(String token, String path) {
		return get(token, path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private WebTestClient.ResponseSpec get(String token, String path) {
		return this.web.get().uri(path).headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).exchange();
	}

	private WebTestClient.ResponseSpec post(String token, String path, Object body) {
		return this.web.post().uri(path).headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).bodyValue(body).exchange();
	}

}
