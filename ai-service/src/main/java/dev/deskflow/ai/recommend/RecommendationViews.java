package dev.deskflow.ai.recommend;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.ai.retrieval.Match;
import dev.deskflow.ai.retrieval.Ranker;
import dev.deskflow.ai.suggest.Suggestion;
import dev.deskflow.common.event.RecommendationKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The JSON shapes of the recommendation API.
 */
final class RecommendationViews {

	/** The longest draft text {@code POST /api/ai/suggestions} accepts, in characters. */
	static final int MAX_TEXT_CHARS = 50_000;

	private RecommendationViews() {
	}

	/**
	 * What may help with a ticket or a draft.
	 *
	 * @param ticketId the ticket asked about, {@code null} for a draft
	 * @param model which model answered
	 * @param tickets similar solved tickets, best first (staff only)
	 * @param articles matching published articles, best first
	 * @param suggestions category and priority (staff only)
	 */
	record Recommendations(UUID ticketId, ModelView model, List<TicketMatch> tickets, List<ArticleMatch> articles,
			Map<String, SuggestionView> suggestions) {
	}

	/**
	 * @param name {@code tenant-v<N>}, or {@code keyword-only} when the tenant has no
	 * active model
	 * @param keywordOnly {@code true} when only the keyword ranker answered
	 */
	record ModelView(String name, boolean keywordOnly) {
	}

	/**
	 * @param id the solved ticket
	 * @param subject its subject
	 * @param resolution the public staff reply that solved it, if any
	 * @param category its category
	 * @param priority its priority
	 * @param confidence 0..1, see {@link Explanation}
	 * @param explanation why it matched
	 */
	record TicketMatch(UUID id, String subject, String resolution, String category, String priority, double confidence,
			Explanation explanation) {
	}

	/**
	 * @param id the article
	 * @param title its title
	 * @param confidence 0..1
	 * @param explanation why it matched
	 */
	record ArticleMatch(UUID id, String title, double confidence, Explanation explanation) {
	}

	/**
	 * Why a document matched.
	 *
	 * @param sharedTerms analysed (stemmed) terms the text and the document share, the
	 * most distinctive first
	 * @param similarity cosine of the Word2Vec document vectors, {@code null}
	 * keyword-only
	 * @param sources the rankers that found it
	 * @param bm25Rank its rank in the keyword ranking
	 * @param word2vecRank its rank in the embedding ranking
	 */
	record Explanation(List<String> sharedTerms, Double similarity, Set<Ranker> sources, Integer bm25Rank,
			Integer word2vecRank) {

		static Explanation of(Match match) {
			return new Explanation(match.sharedTerms(), match.similarity(), match.sources(), match.bm25Rank(),
					match.word2vecRank());
		}

	}

	/**
	 * @param label the suggested value, {@code null} when nothing could be suggested
	 * @param confidence the classifier's probability of the label, or the winner's share
	 * of the neighbours' vote
	 * @param majorityLabel the tenant's most frequent value
	 * @param majorityRate its share, the rate always guessing it would score
	 * @param neighbours solved tickets that voted (0 when the classifier answered)
	 * @param method {@code classifier} (the tenant's model's linear classifier) or
	 * {@code neighbours} (a vote of the most similar solved tickets)
	 * @param reason the classifier's reason: the text's terms that pushed most towards
	 * the label; empty for a vote
	 */
	record SuggestionView(String label, double confidence, String majorityLabel, double majorityRate, int neighbours,
			String method, List<String> reason) {

		static SuggestionView of(Suggestion suggestion) {
			return new SuggestionView(suggestion.label(), suggestion.confidence(), suggestion.majorityLabel(),
					suggestion.majorityRate(), suggestion.neighbours(), suggestion.method(), suggestion.terms());
		}

	}

	/**
	 * @param text a draft ticket's text
	 */
	record DraftRequest(@NotNull @NotBlank @Size(max = MAX_TEXT_CHARS) String text) {
	}

	/**
	 * @param ticketId the ticket the recommendation was shown for, or {@code null} for a
	 * draft
	 * @param itemKind {@code TICKET} or {@code ARTICLE}
	 * @param itemId the recommended ticket or article
	 * @param helpful whether it helped
	 */
	record FeedbackRequest(UUID ticketId, @NotNull RecommendationKind itemKind, @NotNull UUID itemId,
			@NotNull Boolean helpful) {
	}

	/**
	 * @param itemId the recommended ticket or article
	 * @param helpful how often the tenant found it helpful
	 * @param notHelpful how often not
	 */
	record FeedbackCounts(UUID itemId, long helpful, long notHelpful) {
	}

}
