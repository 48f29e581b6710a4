package dev.deskflow.ai.retrieval;

import java.util.List;
import java.util.Set;

/**
 * One similar document, with what makes it similar.
 *
 * @param id the document id
 * @param rank 1-based position in the result
 * @param score the score the result is ordered by (RRF score, BM25 score or cosine)
 * @param bm25Rank the document's rank in the keyword ranking, {@code null} when it was
 * not among the keyword ranker's candidates
 * @param word2vecRank the same for the embedding ranking
 * @param similarity cosine between query and document vectors, {@code null} without a
 * model
 * @param sharedTerms analysed terms query and document share, the most distinctive first
 * @param sources the rankers that proposed the document
 */
public record Match(String id, int rank, double score, Integer bm25Rank, Integer word2vecRank, Double similarity,
		List<String> sharedTerms, Set<Ranker> sources) {
}
