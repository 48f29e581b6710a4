package dev.deskflow.common.event;

import java.time.Instant;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;

/**
 * A public reply or an internal note was added to a ticket's conversation.
 * <p>
 * An internal note ({@code internal == true}) is for staff only: whoever forwards this
 * event to a customer, for example over a WebSocket, must drop it.
 *
 * @param ticketId the ticket
 * @param commentId the new comment
 * @param authorId the user who wrote it
 * @param authorRole the author's role when writing it
 * @param body the comment text
 * @param internal {@code true} for an internal note visible to staff only
 * @param createdAt when it was written
 */
public record TicketCommented(UUID ticketId, UUID commentId, UUID authorId, Role authorRole, String body,
		boolean internal, Instant createdAt) implements TicketEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "ticket.commented";

	/**
	 * Validates the event.
	 * @param ticketId the ticket
	 * @param commentId the new comment
	 * @param authorId the user who wrote it
	 * @param authorRole the author's role; a customer cannot write an internal note
	 * @param body the comment text
	 * @param internal whether it is an internal note
	 * @param createdAt when it was written
	 */
	public TicketCommented {
		Fields.required(ticketId, "ticketId");
		Fields.required(commentId, "commentId");
		Fields.required(authorId, "authorId");
		Fields.required(authorRole, "authorRole");
		if (internal && !authorRole.isStaff()) {
			throw new IllegalArgumentException("an internal note must be written by staff, not " + authorRole);
		}
		Fields.requiredText(body, "body");
		Fields.required(createdAt, "createdAt");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
