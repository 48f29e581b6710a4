package dev.deskflow.ticket.routing;

/** Whether routing may assign an agent new tickets. */
enum Availability {

	/** Takes new tickets (also every agent who never said otherwise). */
	ONLINE,

	/** Keeps their tickets but gets no new ones. */
	AWAY

}
