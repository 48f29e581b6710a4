package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited change of a ticket: who, what ({@code action} and the changed fields as
 * JSON), when. Entries about internal notes are {@code internal} and hidden from
 * customers.
 */
record HistoryEntry(UUID id, UUID tenantId, UUID ticketId, UUID actorId, String action, String changesJson,
		boolean internal, Instant createdAt) {

	Keyset position() {
		return new Keyset(this.createdAt, this.id);
	}

}
