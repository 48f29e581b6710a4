package dev.deskflow.ai.retrieval;

/**
 * Word2Vec settings. The defaults are the textbook ones (Mikolov et al. 2013 and the
 * word2vec tool: skip-gram, 100 dimensions, window 5, sub-sampling 1e-3) with a minimum
 * count and epoch count suited to small tenant corpora; none of them was tuned on a
 * ticket set.
 *
 * @param dimensions vector length
 * @param window context words on each side
 * @param minCount a term needs this many occurrences to get a vector
 * @param epochs passes over the corpus
 * @param learningRate starting learning rate
 * @param sampling sub-sampling threshold of frequent words
 * @param seed random seed
 * @param workers training threads; more than one is faster but not reproducible (Hogwild
 * updates interleave differently on every run)
 */
public record Word2VecParameters(int dimensions, int window, int minCount, int epochs, double learningRate,
		double sampling, long seed, int workers) {

	/** The seed used when the caller gives none. */
	public static final long DEFAULT_SEED = 42;

	public Word2VecParameters {
		if (dimensions < 1 || window < 1 || minCount < 1 || epochs < 1 || workers < 1) {
			throw new IllegalArgumentException("Word2Vec parameters must be positive");
		}
	}

	/**
	 * @param seed random seed
	 * @return the defaults, single-threaded so that a seed reproduces the same vectors
	 */
	public static Word2VecParameters reproducible(long seed) {
		return new Word2VecParameters(100, 5, 2, 5, 0.025, 1e-3, seed, 1);
	}

	/**
	 * @param workers training threads
	 * @return the same parameters with another thread count
	 */
	public Word2VecParameters withWorkers(int workers) {
		return new Word2VecParameters(this.dimensions, this.window, this.minCount, this.epochs, this.learningRate,
				this.sampling, this.seed, workers);
	}

}
