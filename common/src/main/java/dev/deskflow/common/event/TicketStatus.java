package dev.deskflow.common.event;

/**
 * Where a ticket is in its lifecycle; written to JSON by name.
 */
public enum TicketStatus {

	/**
	 * Raised and not yet looked at by an agent.
	 */
	NEW,

	/**
	 * Being worked by support.
	 */
	OPEN,

	/**
	 * Waiting for the customer to answer; SLA clocks are paused.
	 */
	PENDING,

	/**
	 * Support considers it resolved; the customer may still reopen it by replying.
	 */
	SOLVED,

	/**
	 * Final: no further replies reopen it.
	 */
	CLOSED

}
