package dev.deskflow.common.event;

import java.util.UUID;

/**
 * An event of the ticket aggregate, published by ticket-service on
 * {@link dev.deskflow.common.topic.Topics#TICKET_EVENTS} with the ticket id as key.
 */
public sealed interface TicketEvent extends DeskflowEvent
		permits TicketCreated, TicketStatusChanged, TicketCommented, TicketAssigned, TicketUpdated {

	/**
	 * The ticket this event is about.
	 * @return the ticket id
	 */
	UUID ticketId();

	/**
	 * The ticket id.
	 * @return {@link #ticketId()}
	 */
	@Override
	default UUID aggregateId() {
		return ticketId();
	}

}
