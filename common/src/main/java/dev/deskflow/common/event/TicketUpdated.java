package dev.deskflow.common.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket's priority, category or tags changed. The event carries all three values as
 * they are after the change, so a consumer can replace its copy without knowing the
 * previous state. Status changes and assignments have events of their own.
 *
 * @param ticketId the ticket
 * @param priority the priority after the change
 * @param category the category key after the change, or {@code null} if uncategorised
 * @param tags the tags after the change; empty, never {@code null}
 * @param updatedBy the user who made the change
 * @param updatedAt when it was made
 */
public record TicketUpdated(UUID ticketId, TicketPriority priority, String category, List<String> tags, UUID updatedBy,
		Instant updatedAt) implements TicketEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "ticket.updated";

	/**
	 * Validates the event; {@code category} may be {@code null} and absent {@code tags}
	 * become an empty list.
	 * @param ticketId the ticket
	 * @param priority the priority after the change
	 * @param category the category key after the change, or {@code null}
	 * @param tags the tags after the change
	 * @param updatedBy the user who made the change
	 * @param updatedAt when it was made
	 */
	public TicketUpdated {
		Fields.required(ticketId, "ticketId");
		Fields.required(priority, "priority");
		tags = Fields.list(tags, "tags");
		Fields.required(updatedBy, "updatedBy");
		Fields.required(updatedAt, "updatedAt");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
