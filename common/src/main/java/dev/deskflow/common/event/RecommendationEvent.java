package dev.deskflow.common.event;

import java.util.UUID;

/**
 * An event of ai-service's recommendations for a ticket, published on
 * {@link dev.deskflow.common.topic.Topics#AI_EVENTS} with the ticket id as key.
 */
public sealed interface RecommendationEvent extends DeskflowEvent permits RecommendationsReady {

	/**
	 * The ticket the recommendations are for.
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
