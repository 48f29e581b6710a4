package dev.deskflow.ticket.kb;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * SQL of articles, their versions and their links to tickets. Every statement names its
 * tenant and runs inside {@code TenantTransactions}, where row-level security backs that
 * predicate up.
 */
@Repository
class ArticleRepository {

	private static final String COLUMNS = "id, tenant_id, title, body, category, tags, status, author_id, "
			+ "created_at, updated_at, published_at, version";

	private final DatabaseClient database;

	ArticleRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * @param slug a tenant slug from an anonymous reader
	 * @return the tenant's id, or empty when there is no such tenant
	 */
	Mono<UUID> tenantIdOf(String slug) {
		return this.database.sql("select id from tenants where slug = :slug")
			.bind("slug", slug)
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	Mono<Article> insert(Article article) {
		return bind(this.database
			.sql("insert into kb_articles (" + COLUMNS + ") values (:id, :tenantId, :title, :body, "
					+ ":category, :tags, :status, :authorId, :createdAt, :updatedAt, :publishedAt, :version) returning "
					+ COLUMNS),
				article)
			.map(ArticleRepository::article)
			.one();
	}

	Mono<Article> update(Article article) {
		return bind(this.database.sql("update kb_articles set title = :title, body = :body, category = :category, "
				+ "tags = :tags, status = :status, author_id = :authorId, created_at = :createdAt, "
				+ "updated_at = :updatedAt, published_at = :publishedAt, version = :version "
				+ "where tenant_id = :tenantId and id = :id returning " + COLUMNS), article)
			.map(ArticleRepository::article)
			.one();
	}

	/** Keeps the article's current state as its version {@code article.version()}. */
	Mono<Void> insertVersion(Article article, UUID editorId) {
		GenericExecuteSpec spec = this.database
			.sql("insert into kb_article_versions (tenant_id, article_id, version, title, body, category, tags, "
					+ "status, editor_id, created_at) values (:tenantId, :id, :version, :title, :body, :category, "
					+ ":tags, :status, :editorId, :updatedAt)")
			.bind("tenantId", article.tenantId())
			.bind("id", article.id())
			.bind("version", article.version())
			.bind("title", article.title())
			.bind("body", article.body())
			.bind("tags", article.tags().toArray(String[]::new))
			.bind("status", article.status().name())
			.bind("editorId", editorId)
			.bind("updatedAt", article.updatedAt());
		return nullable(spec, "category", article.category(), String.class).then();
	}

	/**
	 * @param tenantId the reader's tenant
	 * @param id the article
	 * @param publishedOnly whether drafts are hidden (readers outside the staff)
	 * @param lock whether to lock the row for an edit
	 * @return the article, or empty when this reader may not see it
	 */
	Mono<Article> find(UUID tenantId, UUID id, boolean publishedOnly, boolean lock) {
		return this.database
			.sql("select " + COLUMNS + " from kb_articles where tenant_id = :tenantId and id = :id"
					+ (publishedOnly ? " and status = 'PUBLISHED'" : "") + (lock ? " for update" : ""))
			.bind("tenantId", tenantId)
			.bind("id", id)
			.map(ArticleRepository::article)
			.one();
	}

	/**
	 * A page of articles, newest edit first, keyset-paginated on (updated_at, id).
	 * @param tenantId the reader's tenant
	 * @param query the filters
	 * @param status only this status, or {@code null} for all
	 * @param fetch how many to read
	 * @return the articles
	 */
	Flux<Article> list(UUID tenantId, ArticleQuery query, ArticleStatus status, int fetch) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from kb_articles where tenant_id = :tenantId");
		if (status != null) {
			sql.append(" and status = :status");
		}
		if (query.text() != null) {
			sql.append(" and search @@ websearch_to_tsquery('simple', :text)");
		}
		if (query.category() != null) {
			sql.append(" and category = :category");
		}
		if (query.tag() != null) {
			sql.append(" and tags @> array[cast(:tag as text)]");
		}
		if (query.after() != null) {
			sql.append(" and (updated_at, id) < (:afterAt, :afterId)");
		}
		sql.append(" order by updated_at desc, id desc limit :fetch");
		GenericExecuteSpec spec = this.database.sql(sql.toString()).bind("tenantId", tenantId).bind("fetch", fetch);
		if (status != null) {
			spec = spec.bind("status", status.name());
		}
		if (query.text() != null) {
			spec = spec.bind("text", query.text());
		}
		if (query.category() != null) {
			spec = spec.bind("category", query.category());
		}
		if (query.tag() != null) {
			spec = spec.bind("tag", query.tag());
		}
		if (query.after() != null) {
			spec = spec.bind("afterAt", query.after().at()).bind("afterId", query.after().id());
		}
		return spec.map(ArticleRepository::article).all();
	}

	/**
	 * @return whether the ticket exists in the tenant
	 */
	Mono<Boolean> ticketExists(UUID tenantId, UUID ticketId) {
		return this.database.sql("select count(*) from tickets where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", ticketId)
			.map((row) -> row.get(0, Long.class))
			.one()
			.map((count) -> count > 0);
	}

	/**
	 * @return whether a new link was written (false: it existed)
	 */
	Mono<Boolean> link(UUID tenantId, UUID ticketId, UUID articleId, UUID userId, Instant at) {
		return this.database
			.sql("insert into ticket_articles (tenant_id, ticket_id, article_id, linked_by, linked_at) "
					+ "values (:tenantId, :ticketId, :articleId, :userId, :at) on conflict do nothing")
			.bind("tenantId", tenantId)
			.bind("ticketId", ticketId)
			.bind("articleId", articleId)
			.bind("userId", userId)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Flux<ArticleViews.LinkView> links(UUID tenantId, UUID ticketId) {
		return this.database
			.sql("select a.id, a.title, a.status, l.linked_by, l.linked_at from ticket_articles l "
					+ "join kb_articles a on a.id = l.article_id "
					+ "where l.tenant_id = :tenantId and l.ticket_id = :ticketId order by l.linked_at, a.id")
			.bind("tenantId", tenantId)
			.bind("ticketId", ticketId)
			.map((row) -> new ArticleViews.LinkView(row.get("id", UUID.class), row.get("title", String.class),
					ArticleStatus.valueOf(row.get("status", String.class)), row.get("linked_by", UUID.class),
					row.get("linked_at", Instant.class)))
			.all();
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, Article article) {
		spec = spec.bind("id", article.id())
			.bind("tenantId", article.tenantId())
			.bind("title", article.title())
			.bind("body", article.body())
			.bind("tags", article.tags().toArray(String[]::new))
			.bind("status", article.status().name())
			.bind("authorId", article.authorId())
			.bind("createdAt", article.createdAt())
			.bind("updatedAt", article.updatedAt())
			.bind("version", article.version());
		spec = nullable(spec, "category", article.category(), String.class);
		return nullable(spec, "publishedAt", article.publishedAt(), Instant.class);
	}

	private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	private static Article article(Readable row) {
		String[] tags = row.get("tags", String[].class);
		return new Article(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("title", String.class),
				row.get("body", String.class), row.get("category", String.class),
				(tags != null) ? Arrays.asList(tags) : List.of(),
				ArticleStatus.valueOf(row.get("status", String.class)), row.get("author_id", UUID.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("published_at", Instant.class), row.get("version", Long.class));
	}

}
