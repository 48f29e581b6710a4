package dev.deskflow.common.event;

/**
 * How a ticket reached the helpdesk; written to JSON by name.
 */
public enum TicketChannel {

	/**
	 * Raised by a customer in the web portal.
	 */
	WEB,

	/**
	 * Raised from an e-mail.
	 */
	EMAIL,

	/**
	 * Raised by an integration through the HTTP API.
	 */
	API,

	/**
	 * Raised by an agent on a customer's behalf, for example after a phone call.
	 */
	PHONE,

	/**
	 * Brought in from another helpdesk by a tenant's import.
	 */
	IMPORT

}
