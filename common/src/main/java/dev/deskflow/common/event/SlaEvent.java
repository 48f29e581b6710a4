package dev.deskflow.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event of a ticket's SLA clock, published by ticket-service on
 * {@link dev.deskflow.common.topic.Topics#TICKET_EVENTS} with the ticket id as key, so
 * that it stays ordered with the ticket's own events.
 */
public sealed interface SlaEvent extends DeskflowEvent permits SlaAtRisk, SlaBreached {

	/**
	 * The ticket whose SLA this event is about.
	 * @return the ticket id
	 */
	UUID ticketId();

	/**
	 * The SLA policy that set the target.
	 * @return the policy id
	 */
	UUID policyId();

	/**
	 * Which of the policy's targets this event is about.
	 * @return the target
	 */
	SlaTarget target();

	/**
	 * When the target is due.
	 * @return the due time
	 */
	Instant dueAt();

	/**
	 * The ticket id.
	 * @return {@link #ticketId()}
	 */
	@Override
	default UUID aggregateId() {
		return ticketId();
	}

}
