package dev.deskflow.ticket.kb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.KbArticlePublished;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.kb.ArticleViews.EditArticleRequest;
import dev.deskflow.ticket.kb.ArticleViews.LinkView;
import dev.deskflow.ticket.kb.ArticleViews.Page;
import dev.deskflow.ticket.kb.ArticleViews.WriteArticleRequest;
import dev.deskflow.ticket.outbox.OutboxWriter;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import dev.deskflow.ticket.ticket.IfMatch;
import dev.deskflow.ticket.ticket.TicketHistory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The knowledge-base use cases: write, edit (with {@code If-Match}), read and search
 * articles, and link them to tickets. Every write keeps the new state as a version and,
 * when the article is (or stays) published, emits {@code kb.article-published} through
 * the outbox in the same transaction.
 */
@Component
class KnowledgeBase {

	private static final String SOURCE = "/ticket-service";

	private final ArticleRepository articles;

	private final TenantTransactions transactions;

	private final OutboxWriter outbox;

	private final TicketHistory history;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	KnowledgeBase(ArticleRepository articles, TenantTransactions transactions, OutboxWriter outbox,
			TicketHistory history) {
		this.articles = articles;
		this.transactions = transactions;
		this.outbox = outbox;
		this.history = history;
	}

	/**
	 * Who reads: a signed-in caller (staff see drafts), or an anonymous portal visitor
	 * who names the tenant by its slug.
	 */
	record Reader(UUID tenantId, boolean staff) {
	}

	Mono<Reader> reader(Optional<Caller> caller, String tenantSlug) {
		if (caller.isPresent()) {
			Caller signedIn = caller.get();
			if (tenantSlug != null && !tenantSlug.equals(signedIn.tenant().value())) {
				return Mono.error(ProblemException.invalid("The tenant comes from your access token.",
						List.of(new FieldError("tenant",
								"leave it out, or name your own tenant " + signedIn.tenant().value()))));
			}
			return Mono.just(new Reader(signedIn.tenantId(), signedIn.isStaff()));
		}
		if (tenantSlug == null) {
			return Mono.error(ProblemException.invalid("Name the tenant whose knowledge base you read.",
					List.of(new FieldError("tenant", "required without an access token: the tenant's slug"))));
		}
		return this.articles.tenantIdOf(tenantSlug)
			.map((tenantId) -> new Reader(tenantId, false))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Tenant " + tenantSlug)));
	}

	Mono<Article> write(Caller caller, WriteArticleRequest request) {
		Instant now = now();
		ArticleStatus status = Objects.requireNonNullElse(request.status(), ArticleStatus.DRAFT);
		Article article = new Article(this.ids.generate(), caller.tenantId(), request.title().strip(), request.body(),
				blankToNull(request.category()), tags(request.tags()), status, caller.userId(), now, now,
				(status == ArticleStatus.PUBLISHED) ? now : null, 0);
		return this.transactions.inTenant(caller.tenantId(),
				() -> this.articles.insert(article).flatMap((saved) -> saved(caller, saved)));
	}

	Mono<Article> edit(Caller caller, UUID id, String ifMatch, EditArticleRequest request) {
		if (ifMatch == null) {
			return Mono.error(ProblemException.preconditionRequired());
		}
		if (request.isEmpty()) {
			return Mono.error(
					ProblemException.invalid("Send at least one of title, body, category, tags, status.", List.of()));
		}
		if ((request.title() != null && request.title().isBlank())
				|| (request.body() != null && request.body().isBlank())) {
			return Mono.error(ProblemException.invalid("The edit has invalid fields.",
					List.of(new FieldError((request.title() != null && request.title().isBlank()) ? "title" : "body",
							"must not be blank"))));
		}
		return this.transactions.inTenant(caller.tenantId(),
				() -> visible(new Reader(caller.tenantId(), true), id, true).flatMap((article) -> {
					IfMatch.require(ifMatch, article.version(), "The article");
					Instant now = now();
					ArticleStatus status = Objects.requireNonNullElse(request.status(), article.status());
					boolean publishes = status == ArticleStatus.PUBLISHED;
					Article after = new Article(article.id(), article.tenantId(),
							(request.title() != null) ? request.title().strip() : article.title(),
							Objects.requireNonNullElse(request.body(), article.body()),
							(request.category() != null) ? blankToNull(request.category()) : article.category(),
							(request.tags() != null) ? tags(request.tags()) : article.tags(), status,
							article.authorId(), article.createdAt(), now, publishes ? now : article.publishedAt(),
							article.version() + 1);
					return this.articles.update(after).flatMap((saved) -> saved(caller, saved));
				}));
	}

	Mono<Article> read(Reader reader, UUID id) {
		return this.transactions.inTenant(reader.tenantId(), () -> visible(reader, id, false));
	}

	Mono<Page<Article>> list(Reader reader, ArticleQuery query) {
		if (!reader.staff() && query.status() == ArticleStatus.DRAFT) {
			return Mono.error(ProblemException.invalid("Only agents and admins see drafts.",
					List.of(new FieldError("status", "PUBLISHED, or leave it out"))));
		}
		ArticleStatus status = reader.staff() ? query.status() : ArticleStatus.PUBLISHED;
		return this.transactions
			.inTenantMany(reader.tenantId(),
					() -> this.articles.list(reader.tenantId(), query, status, query.limit() + 1))
			.collectList()
			.map((rows) -> {
				boolean more = rows.size() > query.limit();
				List<Article> page = more ? rows.subList(0, query.limit()) : rows;
				return new Page<>(page, more ? page.get(page.size() - 1).position().encode() : null);
			});
	}

	/**
	 * Links an article to a ticket of the caller's tenant (staff only); linking twice
	 * changes nothing.
	 * @return whether the link is new
	 */
	Mono<Boolean> link(Caller caller, UUID ticketId, UUID articleId) {
		return this.transactions.inTenant(caller.tenantId(),
				() -> requireTicket(caller, ticketId)
					.then(this.articles.find(caller.tenantId(), articleId, false, false))
					.switchIfEmpty(Mono.error(() -> ProblemException.invalid("The link names an unknown article.",
							List.of(new FieldError("articleId", "no such article in this tenant")))))
					.flatMap((article) -> {
						Instant now = now();
						return this.articles.link(caller.tenantId(), ticketId, articleId, caller.userId(), now)
							.flatMap((created) -> created ? this.history
								.record(caller.tenantId(), ticketId, caller.userId(), "article-linked",
										Map.of("articleId", articleId.toString()), now)
								.thenReturn(true) : Mono.just(false));
					}));
	}

	Flux<LinkView> links(Caller caller, UUID ticketId) {
		return this.transactions.inTenantMany(caller.tenantId(),
				() -> requireTicket(caller, ticketId).thenMany(this.articles.links(caller.tenantId(), ticketId)));
	}

	private Mono<Void> requireTicket(Caller caller, UUID ticketId) {
		if (!caller.isStaff()) {
			return Mono.error(ProblemException.forbidden("Only agents and admins link articles to tickets."));
		}
		return this.articles.ticketExists(caller.tenantId(), ticketId)
			.flatMap((exists) -> exists ? Mono.<Void>empty()
					: Mono.error(ProblemException.notFound("Ticket " + ticketId)));
	}

	private Mono<Article> saved(Caller caller, Article article) {
		Mono<Void> version = this.articles.insertVersion(article, caller.userId());
		if (article.status() != ArticleStatus.PUBLISHED) {
			return version.thenReturn(article);
		}
		return version
			.then(this.outbox.append(EventEnvelope.of(SOURCE, caller.tenant(), new KbArticlePublished(article.id(),
					article.title(), article.body(), article.category(), article.tags(), article.updatedAt()))))
			.thenReturn(article);
	}

	private Mono<Article> visible(Reader reader, UUID id, boolean lock) {
		return this.articles.find(reader.tenantId(), id, !reader.staff(), lock)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Article " + id)));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static List<String> tags(List<String> tags) {
		return (tags != null) ? tags.stream().map((tag) -> tag.strip().toLowerCase(Locale.ROOT)).distinct().toList()
				: List.of();
	}

}
