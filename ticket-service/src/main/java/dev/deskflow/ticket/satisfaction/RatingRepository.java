package dev.deskflow.ticket.satisfaction;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * SQL of ratings, and the little of a ticket that rating needs. Runs inside
 * {@code TenantTransactions}.
 */
@Repository
class RatingRepository {

	private final DatabaseClient database;

	RatingRepository(DatabaseClient database) {
		this.database = database;
	}

	/** What rating needs to know of a ticket. */
	record RatedTicket(UUID id, String status, UUID requesterId, UUID assigneeId) {
	}

	Mono<RatedTicket> ticket(UUID tenantId, UUID ticketId) {
		return this.database
			.sql("select id, status, requester_id, assignee_id from tickets where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", ticketId)
			.map((row) -> new RatedTicket(row.get("id", UUID.class), row.get("status", String.class),
					row.get("requester_id", UUID.class), row.get("assignee_id", UUID.class)))
			.one();
	}

	/**
	 * @return whether the rating was written (false: the ticket was already rated)
	 */
	Mono<Boolean> insert(Rating rating) {
		GenericExecuteSpec spec = this.database
			.sql("insert into ticket_ratings (ticket_id, tenant_id, rater_id, agent_id, score, comment, rated_at) "
					+ "values (:ticketId, :tenantId, :raterId, :agentId, :score, :comment, :ratedAt) "
					+ "on conflict (ticket_id) do nothing")
			.bind("ticketId", rating.ticketId())
			.bind("tenantId", rating.tenantId())
			.bind("raterId", rating.raterId())
			.bind("score", rating.score().name())
			.bind("ratedAt", rating.ratedAt());
		spec = (rating.agentId() != null) ? spec.bind("agentId", rating.agentId())
				: spec.bindNull("agentId", UUID.class);
		spec = (rating.comment() != null) ? spec.bind("comment", rating.comment())
				: spec.bindNull("comment", String.class);
		return spec.fetch().rowsUpdated().map((rows) -> rows > 0);
	}

	Mono<Rating> find(UUID tenantId, UUID ticketId) {
		return this.database
			.sql("select ticket_id, tenant_id, rater_id, agent_id, score, comment, rated_at from ticket_ratings "
					+ "where tenant_id = :tenantId and ticket_id = :ticketId")
			.bind("tenantId", tenantId)
			.bind("ticketId", ticketId)
			.map((row) -> new Rating(row.get("ticket_id", UUID.class), row.get("tenant_id", UUID.class),
					row.get("rater_id", UUID.class), row.get("agent_id", UUID.class),
					Score.valueOf(row.get("score", String.class)), row.get("comment", String.class),
					row.get("rated_at", Instant.class)))
			.one();
	}

}
