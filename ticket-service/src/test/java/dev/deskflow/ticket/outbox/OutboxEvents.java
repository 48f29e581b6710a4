package dev.deskflow.ticket.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.tenant.TenantId;

/** Events for outbox tests: what ticket-service's writes will append. */
final class OutboxEvents {

	static final TenantId TENANT = TenantId.of("outbox-test");

	private OutboxEvents() {
	}

	static EventEnvelope<TicketCreated> created(UUID ticketId) {
		return EventEnvelope.of("/ticket-service", TENANT,
				new TicketCreated(ticketId, UUID.randomUUID(), "Printer on fire", "Smoke from tray 2", TicketStatus.NEW,
						TicketPriority.HIGH, "Hardware", List.of("printer"), TicketChannel.WEB, Instant.now()));
	}

	static EventEnvelope<TicketStatusChanged> statusChanged(UUID ticketId, TicketStatus from, TicketStatus to) {
		return EventEnvelope.of("/ticket-service", TENANT,
				new TicketStatusChanged(ticketId, from, to, UUID.randomUUID(), Instant.now()));
	}

}
