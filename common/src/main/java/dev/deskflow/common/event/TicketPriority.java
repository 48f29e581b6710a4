package dev.deskflow.common.event;

/**
 * How urgent a ticket is, lowest first; written to JSON by name.
 */
public enum TicketPriority {

	/**
	 * Can wait.
	 */
	LOW,

	/**
	 * The default.
	 */
	NORMAL,

	/**
	 * Hurts the customer's work.
	 */
	HIGH,

	/**
	 * Stops the customer's work; the shortest SLA targets.
	 */
	URGENT

}
