package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Lets the other features of the service (knowledge base, ratings, import) add an entry
 * to a ticket's audit history, in the caller's transaction.
 */
@Component
public class TicketHistory {

	private final TicketRepository tickets;

	private final JsonMapper json;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	TicketHistory(TicketRepository tickets, JsonMapper json) {
		this.tickets = tickets;
		this.json = json;
	}

	/**
	 * Appends a public entry (customers see it too).
	 * @param tenantId the ticket's tenant
	 * @param ticketId the ticket
	 * @param actorId who did it
	 * @param action what happened, e.g. {@code rated}
	 * @param changes the details
	 * @param at when
	 * @return completes when written
	 */
	public Mono<Void> record(UUID tenantId, UUID ticketId, UUID actorId, String action, Map<String, Object> changes,
			Instant at) {
		return this.tickets.insertHistory(new HistoryEntry(this.ids.generate(), tenantId, ticketId, actorId, action,
				this.json.writeValueAsString(changes), false, at));
	}

}
