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
 *
 * @param keyword weight of the BM25 ranking
 * @param semantic weight of the Word2Vec ranking
 * @param topic weight of the label agreement, 0 without a topic space
 */
public record Fusion(double keyword, double semantic, double topic) {

	/** Plain reciprocal rank fusion, nothing learned. */
	public static final Fusion EQUAL = new Fusion(1, 1, 0);

	/**
	 * @throws IllegalArgumentException on a negative weight or no ranker weight
	 */
	public Fusion {
		if (keyword < 0 || semantic < 0 || topic < 0 || keyword + semantic <= 0) {
			throw new IllegalArgumentException("Fusion weights must be non-negative, with a ranker weight above 0");
		}
	}

	/**
	 * @param bm25Rank a candidate's keyword rank, {@code null} when absent
	 * @param word2vecRank its embedding rank, {@code null} when absent
	 * @param agreement its label agreement with the query
	 * @return its score: the weighted reciprocal ranks plus the weighted agreement
	 */
	double score(Integer bm25Rank, Integer word2vecRank, double agreement) {
		return reciprocal(this.keyword, bm25Rank) + reciprocal(this.semantic, word2vecRank)
				+ this.topic * agreement / (ReciprocalRankFusion.DEFAULT_K + 1);
	}

	private static double reciprocal(double weight, Integer rank) {
		return (rank != null) ? weight / (ReciprocalRankFusion.DEFAULT_K + rank) : 0;
	}

}
