package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.ticket.outbox.OutboxWriter;
import dev.deskflow.ticket.outbox.OutboxWriter.Prelude;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * SQL of tickets, their conversation and history. Every statement names its tenant; it
 * runs inside {@code TenantTransactions}, where row-level security backs that predicate
 * up.
 */
@Repository
class TicketRepository {

	private static final String COLUMNS = "id, tenant_id, subject, description, status, priority, category, tags, "
			+ "requester_id, assignee_id, group_id, channel, created_at, updated_at, first_responded_at, solved_at, version";

	private final DatabaseClient database;

	TicketRepository(DatabaseClient database) {
		this.database = database;
	}

	private static final String HISTORY_COLUMNS = "id, tenant_id, ticket_id, actor_id, action, changes, internal, "
			+ "created_at";

	private static final String HISTORY_VALUES = ":historyId, :historyTenantId, :historyTicketId, :historyActorId, "
			+ ":historyAction, cast(:historyChanges as jsonb), :historyInternal, :historyCreatedAt";

	private static final OutboxWriter.Writes INSERT_TICKET = new OutboxWriter.Writes("new_ticket as (insert into "
			+ "tickets (" + COLUMNS + ") select :id, :tenantId, :subject, :description, :status, :priority, :category, "
			+ ":tags, :requesterId, :assigneeId, :groupId, :channel, :createdAt, :updatedAt, :firstRespondedAt, "
			+ ":solvedAt, :version where exists (select 1 from users where tenant_id = :tenantId and id = :requesterId "
			+ "and active) returning id), new_history as (insert into ticket_history (" + HISTORY_COLUMNS + ") select "
			+ HISTORY_VALUES + " from new_ticket)", "new_ticket");

	/**
	 * A new ticket, written only when its requester is an active user of the tenant, and
	 * the history entry of its creation, as the part of one statement that comes before
	 * the ticket's event in the outbox: the check and all three rows in one round trip.
	 * @param ticket the new ticket, exactly as it is to be stored
	 * @param created its history entry
	 * @return the inserts, for {@link OutboxWriter#append}, which writes nothing when the
	 * requester is not an active user
	 */
	Prelude inserting(Ticket ticket, HistoryEntry created) {
		Map<String, Object> values = ticketValues(ticket);
		values.putAll(historyValues(created));
		return new Prelude(INSERT_TICKET, values);
	}

	/**
	 * @param tenantId the caller's tenant
	 * @param id the ticket
	 * @param requesterId only this requester's ticket, or {@code null} for any of the
	 * tenant's
	 * @param lock whether to lock the row for an update
	 * @return the ticket, or empty when it does not exist for this caller
	 */
	Mono<Ticket> find(UUID tenantId, UUID id, UUID requesterId, boolean lock) {
		String sql = "select " + COLUMNS + " from tickets where tenant_id = :tenantId and id = :id"
				+ ((requesterId != null) ? " and requester_id = :requesterId" : "") + (lock ? " for update" : "");
		GenericExecuteSpec spec = this.database.sql(sql).bind("tenantId", tenantId).bind("id", id);
		if (requesterId != null) {
			spec = spec.bind("requesterId", requesterId);
		}
		return spec.map(TicketRepository::ticket).one();
	}

	Mono<Ticket> update(Ticket ticket) {
		GenericExecuteSpec spec = this.database
			.sql("update tickets set subject = :subject, description = :description, "
					+ "status = :status, priority = :priority, category = :category, tags = :tags, "
					+ "requester_id = :requesterId, assignee_id = :assigneeId, group_id = :groupId, channel = :channel, created_at = :createdAt, "
					+ "updated_at = :updatedAt, first_responded_at = :firstRespondedAt, solved_at = :solvedAt, "
					+ "version = :version where tenant_id = :tenantId and id = :id returning " + COLUMNS);
		return bindTicket(spec, ticket).map(TicketRepository::ticket).one();
	}

	Flux<Ticket> list(TicketQuery query, int fetch) {
		TicketQuery.Sql sql = query.toSql(COLUMNS, fetch);
		GenericExecuteSpec spec = this.database.sql(sql.text());
		for (Map.Entry<String, Object> bind : sql.binds().entrySet()) {
			spec = spec.bind(bind.getKey(), bind.getValue());
		}
		return spec.map(TicketRepository::ticket).all();
	}

	Mono<Void> insertComment(Comment comment) {
		return this.database
			.sql("insert into comments (id, tenant_id, ticket_id, author_id, body, internal, created_at) "
					+ "values (:id, :tenantId, :ticketId, :authorId, :body, :internal, :createdAt)")
			.bind("id", comment.id())
			.bind("tenantId", comment.tenantId())
			.bind("ticketId", comment.ticketId())
			.bind("authorId", comment.authorId())
			.bind("body", comment.body())
			.bind("internal", comment.internal())
			.bind("createdAt", comment.createdAt())
			.then();
	}

	/**
	 * @param tenantId the tenant
	 * @param ticketId the ticket
	 * @param includeInternal whether internal notes are returned (staff only)
	 * @param after the keyset position to continue after, or {@code null}
	 * @param fetch how many to read
	 * @return the conversation, oldest first
	 */
	Flux<Comment> comments(UUID tenantId, UUID ticketId, boolean includeInternal, Keyset after, int fetch) {
		return oldestFirst("select c.id, c.tenant_id, c.ticket_id, c.author_id, u.role as author_role, "
				+ "u.name as author_name, c.body, c.internal, c.created_at from comments c "
				+ "join users u on u.id = c.author_id", "c", tenantId, ticketId, includeInternal, after, fetch)
			.map((row) -> new Comment(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
					row.get("ticket_id", UUID.class), row.get("author_id", UUID.class),
					row.get("author_role", String.class), row.get("author_name", String.class),
					row.get("body", String.class), Boolean.TRUE.equals(row.get("internal", Boolean.class)),
					row.get("created_at", Instant.class)))
			.all();
	}

	/**
	 * A page of a ticket's rows (comments or history) in (created_at, id) order after a
	 * keyset position; internal rows only for staff.
	 */
	private GenericExecuteSpec oldestFirst(String selectFrom, String alias, UUID tenantId, UUID ticketId,
			boolean includeInternal, Keyset after, int fetch) {
		String a = alias + ".";
		String sql = selectFrom + " where " + a + "tenant_id = :tenantId and " + a + "ticket_id = :ticketId"
				+ (includeInternal ? "" : " and not " + a + "internal")
				+ ((after != null) ? " and (" + a + "created_at, " + a + "id) > (:afterAt, :afterId)" : "")
				+ " order by " + a + "created_at, " + a + "id limit :fetch";
		GenericExecuteSpec spec = this.database.sql(sql)
			.bind("tenantId", tenantId)
			.bind("ticketId", ticketId)
			.bind("fetch", fetch);
		return (after != null) ? spec.bind("afterAt", after.at()).bind("afterId", after.id()) : spec;
	}

	Mono<Void> insertHistory(HistoryEntry entry) {
		return bindHistory(this.database
			.sql("insert into ticket_history (" + HISTORY_COLUMNS + ") values (" + HISTORY_VALUES + ")"), entry).then();
	}

	private static GenericExecuteSpec bindHistory(GenericExecuteSpec spec, HistoryEntry entry) {
		return spec.bindValues(historyValues(entry));
	}

	private static Map<String, Object> historyValues(HistoryEntry entry) {
		Map<String, Object> values = new HashMap<>();
		values.put("historyId", entry.id());
		values.put("historyTenantId", entry.tenantId());
		values.put("historyTicketId", entry.ticketId());
		values.put("historyActorId", entry.actorId());
		values.put("historyAction", entry.action());
		values.put("historyChanges", entry.changesJson());
		values.put("historyInternal", entry.internal());
		values.put("historyCreatedAt", entry.createdAt());
		return values;
	}

	Flux<HistoryEntry> history(UUID tenantId, UUID ticketId, boolean includeInternal, Keyset after, int fetch) {
		return oldestFirst(
				"select h.id, h.tenant_id, h.ticket_id, h.actor_id, h.action, h.changes::text as changes, "
						+ "h.internal, h.created_at from ticket_history h",
				"h", tenantId, ticketId, includeInternal, after, fetch)
			.map((row) -> new HistoryEntry(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
					row.get("ticket_id", UUID.class), row.get("actor_id", UUID.class), row.get("action", String.class),
					row.get("changes", String.class), Boolean.TRUE.equals(row.get("internal", Boolean.class)),
					row.get("created_at", Instant.class)))
			.all();
	}

	/**
	 * @param tenantId the tenant
	 * @param userId a user id from a request
	 * @param staffOnly whether the user must be an agent or admin
	 * @return whether the user is an active member of the tenant
	 */
	Mono<Boolean> isActiveUser(UUID tenantId, UUID userId, boolean staffOnly) {
		String sql = "select count(*) from users where tenant_id = :tenantId and id = :id and active"
				+ (staffOnly ? " and role in ('AGENT', 'ADMIN')" : "");
		return this.database.sql(sql)
			.bind("tenantId", tenantId)
			.bind("id", userId)
			.map((row) -> row.get(0, Long.class))
			.one()
			.map((count) -> count > 0);
	}

	/**
	 * @param tenantId the tenant
	 * @param groupId a group id from a request
	 * @return whether the tenant has the agent group
	 */
	Mono<Boolean> isGroup(UUID tenantId, UUID groupId) {
		return this.database.sql("select count(*) from agent_groups where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", groupId)
			.map((row) -> row.get(0, Long.class))
			.one()
			.map((count) -> count > 0);
	}

	private static GenericExecuteSpec bindTicket(GenericExecuteSpec spec, Ticket ticket) {
		return spec.bindValues(ticketValues(ticket));
	}

	/**
	 * A ticket's columns as parameter values, to bind at once: each
	 * {@code bind(name, value)} copies the bindings so far.
	 */
	private static Map<String, Object> ticketValues(Ticket ticket) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", ticket.id());
		values.put("tenantId", ticket.tenantId());
		values.put("subject", ticket.subject());
		values.put("description", ticket.description());
		values.put("status", ticket.status().name());
		values.put("priority", ticket.priority().name());
		values.put("tags", ticket.tags().toArray(String[]::new));
		values.put("requesterId", ticket.requesterId());
		values.put("channel", ticket.channel().name());
		values.put("createdAt", ticket.createdAt());
		values.put("updatedAt", ticket.updatedAt());
		values.put("version", ticket.version());
		values.put("category", Parameter.fromOrEmpty(ticket.category(), String.class));
		values.put("assigneeId", Parameter.fromOrEmpty(ticket.assigneeId(), UUID.class));
		values.put("groupId", Parameter.fromOrEmpty(ticket.groupId(), UUID.class));
		values.put("firstRespondedAt", Parameter.fromOrEmpty(ticket.firstRespondedAt(), Instant.class));
		values.put("solvedAt", Parameter.fromOrEmpty(ticket.solvedAt(), Instant.class));
		return values;
	}

	private static Ticket ticket(Readable row) {
		String[] tags = row.get("tags", String[].class);
		return new Ticket(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("subject", String.class),
				row.get("description", String.class), TicketStatus.valueOf(row.get("status", String.class)),
				TicketPriority.valueOf(row.get("priority", String.class)), row.get("category", String.class),
				(tags != null) ? Arrays.asList(tags) : List.of(), row.get("requester_id", UUID.class),
				row.get("assignee_id", UUID.class), row.get("group_id", UUID.class),
				TicketChannel.valueOf(row.get("channel", String.class)), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class), row.get("first_responded_at", Instant.class),
				row.get("solved_at", Instant.class), row.get("version", Long.class));
	}

}
