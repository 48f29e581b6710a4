package dev.deskflow.ai.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.ai.AiProperties;
import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.recommend.RecommendationViews.ArticleMatch;
import dev.deskflow.ai.recommend.RecommendationViews.Explanation;
import dev.deskflow.ai.recommend.RecommendationViews.ModelView;
import dev.deskflow.ai.recommend.RecommendationViews.Recommendations;
import dev.deskflow.ai.recommend.RecommendationViews.SuggestionView;
import dev.deskflow.ai.recommend.RecommendationViews.TicketMatch;
import dev.deskflow.ai.retrieval.Match;
import dev.deskflow.ai.retrieval.SearchResult;

import org.springframework.stereotype.Component;

/**
 * Turns a text into recommendations over one tenant's snapshot. Staff get similar solved
 * tickets, articles and suggestions; a customer gets published articles only, never
 * another customer's ticket.
 * <p>
 * A match's confidence is its reciprocal-rank-fusion score divided by the score of a
 * document both rankers rank first ({@code 2/(60+1)}): 1.0 means both rankers put it
 * first; a keyword-only answer never exceeds 0.5, because only one ranker vouches for it.
 */
@Component
class Recommender {

	private static final int RRF_K = 60;

	private static final double BEST = 2.0 / (RRF_K + 1);

	private final AiProperties.Recommendations limits;

	Recommender(AiProperties properties) {
		this.limits = properties.recommendations();
	}

	Recommendations recommend(Snapshot snapshot, UUID ticketId, String text, boolean staff) {
		Set<String> excluded = (ticketId != null) ? Set.of(ticketId.toString()) : Set.of();
		SearchResult articleResult = snapshot.articles().similar(text, this.limits.articles(), excluded);
		List<ArticleMatch> articles = articleResult.matches()
			.stream()
			.map((match) -> new ArticleMatch(UUID.fromString(match.id()), document(snapshot, match).title(),
					confidence(match), Explanation.of(match)))
			.toList();
		boolean keywordOnly = articleResult.keywordOnly();
		if (!staff) {
			return new Recommendations(ticketId, new ModelView(snapshot.modelName(), keywordOnly), List.of(), articles,
					Map.of());
		}
		List<TicketMatch> tickets = snapshot.tickets()
			.similar(text, this.limits.tickets(), excluded)
			.matches()
			.stream()
			.map((match) -> ticket(document(snapshot, match), match))
			.toList();
		Map<String, SuggestionView> suggestions = new LinkedHashMap<>();
		snapshot.suggester()
			.suggest(text, excluded)
			.forEach((field, suggestion) -> suggestions.put(field, SuggestionView.of(suggestion)));
		return new Recommendations(ticketId, new ModelView(snapshot.modelName(), keywordOnly), tickets, articles,
				suggestions);
	}

	private static TicketMatch ticket(CorpusDocument document, Match match) {
		return new TicketMatch(document.id(), document.title(), document.resolution(), document.category(),
				document.priority(), confidence(match), Explanation.of(match));
	}

	private static CorpusDocument document(Snapshot snapshot, Match match) {
		return snapshot.documents().get(UUID.fromString(match.id()));
	}

	static double confidence(Match match) {
		double score = 0;
		if (match.bm25Rank() != null) {
			score += 1.0 / (RRF_K + match.bm25Rank());
		}
		if (match.word2vecRank() != null) {
			score += 1.0 / (RRF_K + match.word2vecRank());
		}
		return Math.round(score / BEST * 1000) / 1000.0;
	}

}
