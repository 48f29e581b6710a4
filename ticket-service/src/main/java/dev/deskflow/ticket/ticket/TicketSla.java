package dev.deskflow.ticket.ticket;

import java.util.UUID;

import dev.deskflow.ticket.identity.Caller;
import reactor.core.publisher.Mono;

/**
 * The SLA clocks of a ticket as {@code GET /api/tickets/{id}} shows them under
 * {@code sla}; implemented by the SLA feature ({@code dev.deskflow.ticket.sla}).
 */
public interface TicketSla {

	/**
	 * @param caller the reader, who may see the ticket
	 * @param ticketId the ticket
	 * @return the clocks as JSON-ready value; empty for customers and tickets without an
	 * SLA
	 */
	Mono<Object> view(Caller caller, UUID ticketId);

}
