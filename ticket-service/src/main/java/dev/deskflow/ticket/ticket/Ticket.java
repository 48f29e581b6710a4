package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;

/**
 * A ticket as stored; {@code version} is its optimistic-concurrency version and ETag.
 * Public for the export of ticket lists ({@link MatchingTickets}).
 *
 * @param id the ticket
 * @param tenantId its tenant
 * @param subject the one-line summary
 * @param description the first message
 * @param status the status
 * @param priority the priority
 * @param category the category, or {@code null}
 * @param tags the tags
 * @param requesterId the customer it is for
 * @param assigneeId the assigned agent, or {@code null}
 * @param groupId the agent group it is assigned to, or {@code null}
 * @param channel how it came in
 * @param createdAt when it was raised
 * @param updatedAt when it last changed
 * @param firstRespondedAt the first public staff reply, or {@code null}
 * @param solvedAt when it was solved, or {@code null}
 * @param version the optimistic-concurrency version
 */
public record Ticket(UUID id, UUID tenantId, String subject, String description, TicketStatus status,
		TicketPriority priority, String category, List<String> tags, UUID requesterId, UUID assigneeId, UUID groupId,
		TicketChannel channel, Instant createdAt, Instant updatedAt, Instant firstRespondedAt, Instant solvedAt,
		long version) {

	String etag() {
		return IfMatch.etag(this.version);
	}

	/**
	 * @return whether the ticket is still being worked ({@code NEW}, {@code OPEN} or
	 * {@code PENDING}): it counts against its assignee's capacity
	 */
	public boolean isOpen() {
		return this.status == TicketStatus.NEW || this.status == TicketStatus.OPEN
				|| this.status == TicketStatus.PENDING;
	}

}
