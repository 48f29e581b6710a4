package dev.deskflow.common.event;

/**
 * What a {@link Recommendation} points to; written to JSON by name.
 */
public enum RecommendationKind {

	/**
	 * A similar, already resolved ticket.
	 */
	TICKET,

	/**
	 * A knowledge-base article.
	 */
	ARTICLE

}
