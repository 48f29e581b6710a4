package dev.deskflow.ticket.satisfaction;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's rating as stored; {@code agentId} is the assignee when it was rated.
 */
record Rating(UUID ticketId, UUID tenantId, UUID raterId, UUID agentId, Score score, String comment, Instant ratedAt) {

}
