package dev.deskflow.ticket.routing;

/** How a group picks the agent for its next waiting ticket. */
enum RoutingMode {

	/** The next available member after the one assigned last, in turn. */
	ROUND_ROBIN,

	/** The available member with the fewest open tickets (in turn among equals). */
	LEAST_LOADED

}
