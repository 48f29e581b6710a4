package dev.deskflow.ticket.satisfaction;

/**
 * The requester's verdict on how their ticket was handled.
 */
enum Score {

	GOOD, BAD

}
