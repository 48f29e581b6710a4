package dev.deskflow.ai.retrieval;

/**
 * How the hybrid ranking weighs its signals: a candidate (from either ranker's top
 * {@value TenantIndex#CANDIDATES}) scores
 * {@code keyword/(60 + bm25Rank) + semantic/(60 + word2vecRank) + topic · agreement/61},
 * where agreement is the dot product of the query's and the document's label
 * distributions under the tenant's classifier ({@link TopicSpace}; a document whose label
 * staff set takes that label for certain), so a document in the query's category gains up
 * to what a first rank in one ranker gives. The weights are learned per tenant by
 * {@link FusionLearner}; {@link #EQUAL} is plain reciprocal rank fusion.
 * <p>
 * With a {@code diversity} above 0 the first results are chosen one at a time
 * ({@link TopicSelection}): once a result of a label is shown, the query's probability of
 * that label counts {@code 1 − diversity} times as much for the next ones, so when the
 * query's label is uncertain the best match of the second most likely label comes before
 * the fifth match of the first (intent-aware selection, Agrawal et al. 2009; Chen and
 * Karger 2006 show that this, not ranking by probability of relevance, maximises the
 * chance that an early result is relevant).
 *
 * @param keyword weight of the BM25 ranking
 * @param semantic weight of the Word2Vec ranking
 * @param topic weight of the label agreement, 0 without a topic space
 * @param diversity how much a label already shown discounts the next results' agreement
 * with the query: 0 (none) to 1 (a shown label counts no more)
 */
public record Fusion(double keyword, double semantic, double topic, double diversity) {

	/** Plain reciprocal rank fusion, nothing learned. */
	public static final Fusion EQUAL = new Fusion(1, 1, 0);

	/**
	 * @throws IllegalArgumentException on a negative weight, no ranker weight or a
	 * diversity outside [0, 1]
	 */
	public Fusion {
		if (keyword < 0 || semantic < 0 || topic < 0 || keyword + semantic <= 0) {
			throw new IllegalArgumentException("Fusion weights must be non-negative, with a ranker weight above 0");
		}
		if (!(diversity >= 0 && diversity <= 1)) {
			throw new IllegalArgumentException("Fusion diversity must be between 0 and 1");
		}
	}

	/**
	 * Weights without diversity.
	 * @param keyword weight of the BM25 ranking
	 * @param semantic weight of the Word2Vec ranking
	 * @param topic weight of the label agreement
	 */
	public Fusion(double keyword, double semantic, double topic) {
		this(keyword, semantic, topic, 0);
	}

	/**
	 * @param bm25Rank a candidate's keyword rank, {@code null} when absent
	 * @param word2vecRank its embedding rank, {@code null} when absent
	 * @param agreement its label agreement with the query
	 * @return its score: the weighted reciprocal ranks plus the weighted agreement
	 */
	double score(Integer bm25Rank, Integer word2vecRank, double agreement) {
		return ranks(bm25Rank, word2vecRank) + topicScale() * agreement;
	}

	/**
	 * @param bm25Rank a candidate's keyword rank, {@code null} when absent
	 * @param word2vecRank its embedding rank, {@code null} when absent
	 * @return the weighted reciprocal ranks alone
	 */
	double ranks(Integer bm25Rank, Integer word2vecRank) {
		return reciprocal(this.keyword, bm25Rank) + reciprocal(this.semantic, word2vecRank);
	}

	/**
	 * @return what an agreement of 1 adds to a score
	 */
	double topicScale() {
		return this.topic / (ReciprocalRankFusion.DEFAULT_K + 1);
	}

	private static double reciprocal(double weight, Integer rank) {
		return (rank != null) ? weight / (ReciprocalRankFusion.DEFAULT_K + rank) : 0;
	}

}
