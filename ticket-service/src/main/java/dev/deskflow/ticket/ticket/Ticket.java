package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;

/**
 * A ticket as stored; {@code version} is its optimistic-concurrency version and ETag.
 */
record Ticket(UUID id, UUID tenantId, String subject, String description, TicketStatus status, TicketPriority priority,
		String category, List<String> tags, UUID requesterId, UUID assigneeId, TicketChannel channel, Instant createdAt,
		Instant updatedAt, Instant firstRespondedAt, Instant solvedAt, long version) {

	String etag() {
		return "\"" + this.version + "\"";
	}

}
