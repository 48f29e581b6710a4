package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A public reply or an internal note of a ticket's conversation.
 */
record Comment(UUID id, UUID tenantId, UUID ticketId, UUID authorId, String authorRole, String authorName, String body,
		boolean internal, Instant createdAt) {

	Keyset position() {
		return new Keyset(this.createdAt, this.id);
	}

}
