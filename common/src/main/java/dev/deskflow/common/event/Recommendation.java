package dev.deskflow.common.event;

import java.util.UUID;

/**
 * One item of {@link RecommendationsReady}: a resolved ticket or a knowledge-base article
 * that may help with the ticket at hand.
 *
 * @param kind whether {@code id} is a ticket or an article
 * @param id the id of the recommended ticket or article
 * @param score relevance, higher is better; comparable only within one
 * {@link RecommendationsReady}
 * @param reason a short explanation for the agent, for example the terms that matched
 */
public record Recommendation(RecommendationKind kind, UUID id, double score, String reason) {

	/**
	 * Validates the item.
	 * @param kind whether {@code id} is a ticket or an article
	 * @param id the id of the recommended ticket or article
	 * @param score relevance, a finite number
	 * @param reason a short explanation for the agent
	 */
	public Recommendation {
		Fields.required(kind, "kind");
		Fields.required(id, "id");
		Fields.required(reason, "reason");
		if (!Double.isFinite(score)) {
			throw new IllegalArgumentException("score must be a finite number, was " + score);
		}
	}

}
