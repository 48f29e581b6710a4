package dev.deskflow.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's assignment changed: to an agent, to a group, to both, or back to nobody
 * (both {@code null}).
 *
 * @param ticketId the ticket
 * @param assigneeId the agent now assigned, or {@code null}
 * @param groupId the group now assigned, or {@code null}
 * @param assignedBy the user who made the assignment
 * @param assignedAt when it was made
 */
public record TicketAssigned(UUID ticketId, UUID assigneeId, UUID groupId, UUID assignedBy,
		Instant assignedAt) implements TicketEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "ticket.assigned";

	/**
	 * Validates the event; {@code assigneeId} and {@code groupId} may be {@code null}.
	 * @param ticketId the ticket
	 * @param assigneeId the agent now assigned, or {@code null}
	 * @param groupId the group now assigned, or {@code null}
	 * @param assignedBy the user who made the assignment
	 * @param assignedAt when it was made
	 */
	public TicketAssigned {
		Fields.required(ticketId, "ticketId");
		Fields.required(assignedBy, "assignedBy");
		Fields.required(assignedAt, "assignedAt");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
