package dev.deskflow.ai.retrieval;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A trained Word2Vec model as plain Java arrays: a term's vector, its dimension, the
 * parameters and the training figures. Nothing here touches ND4J, so a loaded model costs
 * no native memory and reads are thread-safe.
 */
public final class WordVectors {

	private final Map<String, float[]> vectors;

	private final int dimensions;

	private final Word2VecParameters parameters;

	private final TrainingStats stats;

	WordVectors(Map<String, float[]> vectors, int dimensions, Word2VecParameters parameters, TrainingStats stats) {
		this.vectors = Collections.unmodifiableMap(vectors);
		this.dimensions = dimensions;
		this.parameters = Objects.requireNonNull(parameters);
		this.stats = Objects.requireNonNull(stats);
	}

	/**
	 * @param term an analysed term
	 * @return its vector, or {@code null} when the model has not seen the term often
	 * enough
	 */
	public float[] vector(String term) {
		return this.vectors.get(term);
	}

	/**
	 * @return every term with its vector (read-only)
	 */
	Map<String, float[]> entries() {
		return this.vectors;
	}

	/**
	 * @return number of terms with a vector
	 */
	public int vocabularySize() {
		return this.vectors.size();
	}

	/**
	 * @return the vector length
	 */
	public int dimensions() {
		return this.dimensions;
	}

	/**
	 * @return how the model was trained
	 */
	public Word2VecParameters parameters() {
		return this.parameters;
	}

	/**
	 * @return what training cost
	 */
	public TrainingStats stats() {
		return this.stats;
	}

	/**
	 * What training a model cost.
	 *
	 * @param sentences documents trained on
	 * @param words terms trained on in one epoch
	 * @param seconds wall time of vocabulary building and training
	 * @param wordsPerSecond words × epochs / seconds
	 */
	public record TrainingStats(long sentences, long words, double seconds, double wordsPerSecond) {
	}

}
