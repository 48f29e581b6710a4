package dev.deskflow.ai.corpus;

import java.util.UUID;

import dev.deskflow.common.event.KbArticlePublished;
import dev.deskflow.common.event.RecommendationKind;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.event.TicketUpdated;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import dev.deskflow.ai.tenancy.TenantTransactions;

/**
 * The tenants' corpora in ai-service's own database. Every statement names the tenant,
 * and runs in a transaction bound to it ({@link TenantTransactions}): the public reads
 * bind their own, the writes join {@link CorpusUpdates}'.
 */
@Repository
public class Corpus {

	/**
	 * Replies beyond this many characters are not kept: the analyzer reads no further.
	 */
	static final int MAX_REPLIES_CHARS = 100_000;

	private static final String RETURNING = " returning tenant_id, id, kind, requester_id, title, body, replies, status,"
			+ " resolution, category, priority";

	private final DatabaseClient database;

	private final TenantTransactions tenants;

	Corpus(DatabaseClient database, TenantTransactions tenants) {
		this.database = database;
		this.tenants = tenants;
	}

	/**
	 * @param tenant the tenant
	 * @param id a ticket's or article's id
	 * @return the document, or empty when the tenant has none with that id
	 */
	public Mono<CorpusDocument> find(String tenant, UUID id) {
		return this.tenants.inTenant(tenant, () -> this.database.sql(
				"select tenant_id, id, kind, requester_id, title, body, replies, status, resolution, category, priority"
						+ " from documents where tenant_id = :tenant and id = :id")
			.bind("tenant", tenant)
			.bind("id", id)
			.map(Corpus::document)
			.one());
	}

	/**
	 * @param tenant the tenant
	 * @return what retrieval may recommend: published articles and solved or closed
	 * tickets
	 */
	public Flux<CorpusDocument> retrievable(String tenant) {
		return this.tenants.inTenantMany(tenant, () -> this.database.sql(
				"select tenant_id, id, kind, requester_id, title, body, replies, status, resolution, category, priority"
						+ " from documents where tenant_id = :tenant"
						+ " and (kind = 'ARTICLE' or status in ('SOLVED', 'CLOSED')) order by id")
			.bind("tenant", tenant)
			.map(Corpus::document)
			.all());
	}

	Mono<Boolean> markProcessed(UUID eventId, String tenant, String type) {
		return this.database
			.sql("insert into processed_events (event_id, tenant_id, event_type) values (:id, :tenant, :type)"
					+ " on conflict (event_id) do nothing")
			.bind("id", eventId)
			.bind("tenant", tenant)
			.bind("type", type)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<CorpusDocument> ticketCreated(String tenant, TicketCreated created) {
		GenericExecuteSpec spec = this.database
			.sql("insert into documents (tenant_id, id, kind, requester_id, title, body, status, category, priority)"
					+ " values (:tenant, :id, 'TICKET', :requester, :title, :body, :status, :category, :priority)"
					+ " on conflict (tenant_id, id) do update set title = excluded.title, body = excluded.body,"
					+ " updated_at = now()" + RETURNING)
			.bind("tenant", tenant)
			.bind("id", created.ticketId())
			.bind("requester", created.requesterId())
			.bind("title", created.subject())
			.bind("body", created.description())
			.bind("status", created.status().name())
			.bind("priority", created.priority().name());
		return nullable(spec, "category", created.category()).map(Corpus::document).one();
	}

	Mono<CorpusDocument> publicReply(String tenant, UUID ticketId, String body, boolean byStaff) {
		return this.database
			.sql("update documents set replies = left(case when replies = '' then :body else replies || E'\\n' || :body"
					+ " end, :max), last_staff_reply = case when :staff then :body else last_staff_reply end,"
					+ " updated_at = now() where tenant_id = :tenant and id = :id and kind = 'TICKET'" + RETURNING)
			.bind("tenant", tenant)
			.bind("id", ticketId)
			.bind("body", body)
			.bind("staff", byStaff)
			.bind("max", MAX_REPLIES_CHARS)
			.map(Corpus::document)
			.one();
	}

	Mono<CorpusDocument> statusChanged(String tenant, UUID ticketId, TicketStatus to) {
		// solving takes the latest public staff reply as the resolution; reopening drops
		// it
		return this.database
			.sql("update documents set status = :to, resolution = case when :to in ('SOLVED', 'CLOSED')"
					+ " then coalesce(last_staff_reply, resolution) else null end, updated_at = now()"
					+ " where tenant_id = :tenant and id = :id and kind = 'TICKET'" + RETURNING)
			.bind("tenant", tenant)
			.bind("id", ticketId)
			.bind("to", to.name())
			.map(Corpus::document)
			.one();
	}

	Mono<CorpusDocument> ticketUpdated(String tenant, TicketUpdated updated) {
		GenericExecuteSpec spec = this.database
			.sql("update documents set priority = :priority, category = :category, updated_at = now()"
					+ " where tenant_id = :tenant and id = :id and kind = 'TICKET'" + RETURNING)
			.bind("tenant", tenant)
			.bind("id", updated.ticketId())
			.bind("priority", updated.priority().name());
		return nullable(spec, "category", updated.category()).map(Corpus::document).one();
	}

	Mono<CorpusDocument> articlePublished(String tenant, KbArticlePublished article) {
		GenericExecuteSpec spec = this.database
			.sql("insert into documents (tenant_id, id, kind, title, body, status, category)"
					+ " values (:tenant, :id, 'ARTICLE', :title, :body, 'PUBLISHED', :category)"
					+ " on conflict (tenant_id, id) do update set title = excluded.title, body = excluded.body,"
					+ " category = excluded.category, updated_at = now()" + RETURNING)
			.bind("tenant", tenant)
			.bind("id", article.articleId())
			.bind("title", article.title())
			.bind("body", article.body());
		return nullable(spec, "category", article.category()).map(Corpus::document).one();
	}

	private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, String.class);
	}

	private static CorpusDocument document(Readable row) {
		return new CorpusDocument(row.get("tenant_id", String.class), row.get("id", UUID.class),
				RecommendationKind.valueOf(row.get("kind", String.class)), row.get("requester_id", UUID.class),
				row.get("title", String.class), row.get("body", String.class), row.get("replies", String.class),
				row.get("status", String.class), row.get("resolution", String.class), row.get("category", String.class),
				row.get("priority", String.class));
	}

}
