package dev.deskflow.common.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket was raised.
 *
 * @param ticketId the new ticket
 * @param requesterId the customer the ticket is for (who may differ from whoever typed
 * it)
 * @param subject the ticket's one-line summary
 * @param description the ticket's first message
 * @param status the initial status, usually {@link TicketStatus#NEW}
 * @param priority the initial priority
 * @param category the category key, or {@code null} if uncategorised
 * @param tags the initial tags; empty, never {@code null}
 * @param channel how the ticket reached the helpdesk
 * @param createdAt when it was raised
 */
public record TicketCreated(UUID ticketId, UUID requesterId, String subject, String description, TicketStatus status,
		TicketPriority priority, String category, List<String> tags, TicketChannel channel,
		Instant createdAt) implements TicketEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "ticket.created";

	/**
	 * Validates the event; {@code category} may be {@code null} and absent {@code tags}
	 * become an empty list.
	 * @param ticketId the new ticket
	 * @param requesterId the customer the ticket is for
	 * @param subject the one-line summary
	 * @param description the first message
	 * @param status the initial status
	 * @param priority the initial priority
	 * @param category the category key, or {@code null}
	 * @param tags the initial tags
	 * @param channel how the ticket reached the helpdesk
	 * @param createdAt when it was raised
	 */
	public TicketCreated {
		Fields.required(ticketId, "ticketId");
		Fields.required(requesterId, "requesterId");
		Fields.requiredText(subject, "subject");
		Fields.required(description, "description");
		Fields.required(status, "status");
		Fields.required(priority, "priority");
		tags = Fields.list(tags, "tags");
		Fields.required(channel, "channel");
		Fields.required(createdAt, "createdAt");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
