package dev.deskflow.ticket.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.ticket.identity.Caller;
import reactor.core.publisher.Mono;

/**
 * The SLA clocks of tickets as {@code GET /api/tickets/{id}} and the items of
 * {@code GET /api/tickets} show them under {@code sla}; implemented by the SLA feature
 * ({@code dev.deskflow.ticket.sla}).
 */
public interface TicketSla {

	/**
	 * @param caller the reader, who may see the ticket
	 * @param ticketId the ticket
	 * @return the clocks as JSON-ready value; empty for customers and tickets without an
	 * SLA
	 */
	default Mono<Object> view(Caller caller, UUID ticketId) {
		return views(caller, List.of(ticketId)).flatMap((views) -> Mono.justOrEmpty(views.get(ticketId)));
	}

	/**
	 * The clocks of a page of tickets, read at once (not one read per ticket).
	 * @param caller the reader, who may see the tickets
	 * @param ticketIds the tickets
	 * @return the clocks as JSON-ready values by ticket, for the tickets with an SLA;
	 * empty for customers
	 */
	Mono<Map<UUID, Object>> views(Caller caller, Collection<UUID> ticketIds);

}
