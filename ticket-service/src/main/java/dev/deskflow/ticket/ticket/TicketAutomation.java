package dev.deskflow.ticket.ticket;

import reactor.core.publisher.Mono;

/**
 * Automation that reacts to a ticket write inside the write's own transaction (triggers,
 * routing): what it changes commits or rolls back with the write. Implementations are
 * Spring beans, run in their {@code @Order}.
 */
public interface TicketAutomation {

	/**
	 * Reacts to a committed-to-be write.
	 * @param write the ticket before and after the write, and who made it
	 * @return whether the automation may have changed the written ticket's row (when none
	 * did, the writer answers with the ticket as it wrote it instead of reading it
	 * again), once the automation's own changes are written
	 */
	Mono<Boolean> afterWrite(TicketWrite write);

}
