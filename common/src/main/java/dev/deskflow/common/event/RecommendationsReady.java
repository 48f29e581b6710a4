package dev.deskflow.common.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * ai-service computed fresh recommendations for a ticket: similar resolved tickets and
 * knowledge-base articles, best first. They replace any earlier recommendations for the
 * ticket.
 *
 * @param ticketId the ticket the recommendations are for
 * @param modelVersion the model that produced them, for feedback and evaluation
 * @param items the recommendations, best first; may be empty, never {@code null}
 * @param generatedAt when they were computed
 */
public record RecommendationsReady(UUID ticketId, String modelVersion, List<Recommendation> items,
		Instant generatedAt) implements RecommendationEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "recommendations.ready";

	/**
	 * Validates the event; absent {@code items} become an empty list.
	 * @param ticketId the ticket
	 * @param modelVersion the model that produced them
	 * @param items the recommendations, best first
	 * @param generatedAt when they were computed
	 */
	public RecommendationsReady {
		Fields.required(ticketId, "ticketId");
		Fields.requiredText(modelVersion, "modelVersion");
		items = Fields.list(items, "items");
		Fields.required(generatedAt, "generatedAt");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
