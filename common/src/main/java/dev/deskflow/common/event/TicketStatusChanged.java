package dev.deskflow.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket moved from one status to another.
 *
 * @param ticketId the ticket
 * @param from the status before the change
 * @param to the status after the change
 * @param changedBy the user who changed it, or the system user for automatic changes
 * @param changedAt when it changed
 */
public record TicketStatusChanged(UUID ticketId, TicketStatus from, TicketStatus to, UUID changedBy,
		Instant changedAt) implements TicketEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "ticket.status-changed";

	/**
	 * Validates the event.
	 * @param ticketId the ticket
	 * @param from the status before the change
	 * @param to the status after the change, different from {@code from}
	 * @param changedBy the user who changed it
	 * @param changedAt when it changed
	 */
	public TicketStatusChanged {
		Fields.required(ticketId, "ticketId");
		Fields.required(from, "from");
		Fields.required(to, "to");
		if (from == to) {
			throw new IllegalArgumentException("from and to are both " + from + ": not a status change");
		}
		Fields.required(changedBy, "changedBy");
		Fields.required(changedAt, "changedAt");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
