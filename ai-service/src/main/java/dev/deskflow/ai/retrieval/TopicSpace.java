package dev.deskflow.ai.retrieval;

import java.util.List;

/**
 * Maps a text to a probability distribution over the tenant's labels (e.g. its
 * categories): a supervised signal learned from the tenant's labelled tickets, which the
 * hybrid ranking may use as one more feature ({@link Fusion#topic()}).
 */
@FunctionalInterface
public interface TopicSpace {

	/**
	 * @param terms a text's analysed terms
	 * @return its label distribution; every call returns the same length
	 */
	double[] distribution(List<String> terms);

	/**
	 * @param label a label a document is known to carry (staff set it)
	 * @return that label's certain distribution, or {@code null} when this space does not
	 * know the label
	 */
	default double[] known(String label) {
		return null;
	}

}
