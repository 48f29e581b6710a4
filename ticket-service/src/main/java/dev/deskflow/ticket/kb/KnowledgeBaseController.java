package dev.deskflow.ticket.kb;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.kb.ArticleViews.ArticleSummary;
import dev.deskflow.ticket.kb.ArticleViews.ArticleView;
import dev.deskflow.ticket.kb.ArticleViews.EditArticleRequest;
import dev.deskflow.ticket.kb.ArticleViews.LinkRequest;
import dev.deskflow.ticket.kb.ArticleViews.LinkView;
import dev.deskflow.ticket.kb.ArticleViews.Page;
import dev.deskflow.ticket.kb.ArticleViews.WriteArticleRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/kb/articles}: reading is open to anonymous portal visitors (who name the
 * tenant with {@code ?tenant=<slug>}) and customers, who see published articles only;
 * writing is for agents and admins. {@code /api/tickets/{id}/articles}: the articles
 * linked to a ticket (staff only).
 */
@RestController
@Tag(name = "Knowledge base")
class KnowledgeBaseController {

	private final KnowledgeBase knowledgeBase;

	private final MarkdownRenderer markdown;

	KnowledgeBaseController(KnowledgeBase knowledgeBase, MarkdownRenderer markdown) {
		this.knowledgeBase = knowledgeBase;
		this.markdown = markdown;
	}

	@PostMapping("/api/kb/articles")
	@Operation(summary = "Write an article (agents, admins)",
			description = "status DRAFT (default) or PUBLISHED; publishing emits kb.article-published.")
	Mono<ResponseEntity<ArticleView>> write(@Valid @RequestBody WriteArticleRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.knowledgeBase.write(caller, request))
			.map((article) -> ResponseEntity.created(URI.create("/api/kb/articles/" + article.id()))
				.eTag(article.etag())
				.body(view(article)));
	}

	@PatchMapping(path = "/api/kb/articles/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Edit an article (agents, admins)",
			description = "Fields: title, body, category (empty removes it), tags, status. Needs If-Match (428 "
					+ "without it, 412 when the article changed). Every edit is kept as a version; an edit that "
					+ "leaves the article published emits kb.article-published with the new text.")
	Mono<ResponseEntity<ArticleView>> edit(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody EditArticleRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.knowledgeBase.edit(caller, id, ifMatch, request))
			.map((article) -> ResponseEntity.ok().eTag(article.etag()).body(view(article)));
	}

	@GetMapping("/api/kb/articles")
	@Operation(summary = "Search and list articles",
			description = "Without an access token name the tenant: ?tenant=<slug>. Parameters: q (full text over "
					+ "title and body), category, tag, status (staff only), limit 1-100 (default 20), cursor. Newest "
					+ "edit first. Customers and anonymous readers see published articles only.")
	Mono<Page<ArticleSummary>> list(@RequestParam MultiValueMap<String, String> params) {
		ArticleQuery query = ArticleQuery.parse(params);
		return optionalCaller().flatMap((caller) -> this.knowledgeBase.reader(caller, query.tenant()))
			.flatMap((reader) -> this.knowledgeBase.list(reader, query))
			.map((page) -> new Page<>(page.items().stream().map(ArticleSummary::of).toList(), page.nextCursor()));
	}

	@GetMapping("/api/kb/articles/{id}")
	@Operation(summary = "Read an article",
			description = "body is the Markdown, html its sanitised rendering. Without an access token name the "
					+ "tenant: ?tenant=<slug>. A draft answers 404 outside the staff.")
	Mono<ResponseEntity<ArticleView>> read(@PathVariable UUID id,
			@RequestParam(name = "tenant", required = false) String tenant) {
		return optionalCaller().flatMap((caller) -> this.knowledgeBase.reader(caller, tenant))
			.flatMap((reader) -> this.knowledgeBase.read(reader, id))
			.map((article) -> ResponseEntity.ok().eTag(article.etag()).body(view(article)));
	}

	@PostMapping("/api/tickets/{id}/articles")
	@Operation(summary = "Link an article to a ticket (agents, admins)",
			description = "201 when linked, 200 when it already was.")
	Mono<ResponseEntity<Void>> link(@PathVariable UUID id, @Valid @RequestBody LinkRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.knowledgeBase.link(caller, id, request.articleId()))
			.map((created) -> ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).build());
	}

	@GetMapping("/api/tickets/{id}/articles")
	@Operation(summary = "The articles linked to a ticket (agents, admins)")
	Flux<LinkView> links(@PathVariable UUID id) {
		return Caller.current().flatMapMany((caller) -> this.knowledgeBase.links(caller, id));
	}

	private ArticleView view(Article article) {
		return ArticleView.of(article, this.markdown.toHtml(article.body()));
	}

	// Reads are public: a request without a token is an anonymous reader.
	private static Mono<Optional<Caller>> optionalCaller() {
		return Caller.current()
			.map(Optional::of)
			.onErrorResume(ProblemException.class, (ex) -> Mono.just(Optional.empty()));
	}

}
