package dev.deskflow.ai.retrieval;

/**
 * Which ranking produced a result.
 */
public enum Ranker {

	/** Lucene BM25 over the analysed terms. */
	BM25,

	/** Cosine between IDF-weighted mean Word2Vec vectors. */
	WORD2VEC,

	/** Reciprocal rank fusion of the two. */
	HYBRID

}
