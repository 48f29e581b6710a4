package dev.deskflow.ticket.ticket;

import dev.deskflow.ticket.identity.Caller;

/**
 * One write of a ticket, as automation sees it.
 *
 * @param caller the person whose request caused the write
 * @param before the ticket before it, or {@code null} when the write created it
 * @param after the ticket after it
 * @param by the automation that made the write, or {@code null} when the caller made it
 * directly
 */
public record TicketWrite(Caller caller, Ticket before, Ticket after, Automation by) {

	/**
	 * @return whether the write raised the ticket
	 */
	public boolean created() {
		return this.before == null;
	}

}
