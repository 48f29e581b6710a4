package dev.deskflow.common.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which clock of an SLA policy an {@link SlaEvent} is about; written to JSON as
 * {@code "first-response"} or {@code "resolution"}.
 */
public enum SlaTarget {

	/**
	 * The first public reply by an agent.
	 */
	@JsonProperty("first-response")
	FIRST_RESPONSE,

	/**
	 * The ticket reaching {@link TicketStatus#SOLVED}.
	 */
	@JsonProperty("resolution")
	RESOLUTION

}
