package dev.deskflow.ai.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The feature space of the linear classifiers: one dimension per term, and per pair of
 * adjacent terms, that occurs in at least two training documents (one seen once cannot
 * generalise; the pairs most frequent first, at most {@value #MAX_BIGRAMS}), valued by
 * sublinear TF-IDF ({@code (1 + ln tf) · idf}, smoothed idf) and normalised to unit
 * length, the standard text-classification representation. A classifier reads a text with
 * or without the pairs, as its training chose. Immutable.
 */
public final class TfIdfFeatures {

	private static final int MIN_DOCUMENT_FREQUENCY = 2;

	/** Bounds the space (and every classifier's weights) on a large corpus. */
	static final int MAX_BIGRAMS = 100_000;

	private final Map<String, Integer> index;

	private final String[] terms;

	private final float[] idf;

	TfIdfFeatures(String[] terms, float[] idf) {
		this.terms = terms;
		this.idf = idf;
		this.index = new HashMap<>(terms.length * 2);
		for (int i = 0; i < terms.length; i++) {
			this.index.put(terms[i], i);
		}
	}

	/**
	 * @param documents the training documents' terms
	 * @return the features of that corpus
	 */
	public static TfIdfFeatures fit(List<List<String>> documents) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		for (List<String> terms : documents) {
			for (String term : new HashSet<>(withBigrams(terms))) {
				documentFrequency.merge(term, 1, Integer::sum);
			}
		}
		List<String> kept = new ArrayList<>();
		List<String> pairs = new ArrayList<>();
		documentFrequency.forEach((term, df) -> {
			if (df >= MIN_DOCUMENT_FREQUENCY) {
				(isBigram(term) ? pairs : kept).add(term);
			}
		});
		pairs.sort(Comparator.comparing((String pair) -> -documentFrequency.get(pair))
			.thenComparing(Comparator.naturalOrder()));
		kept.addAll(pairs.subList(0, Math.min(pairs.size(), MAX_BIGRAMS)));
		kept.sort(null);
		String[] terms = kept.toArray(String[]::new);
		float[] idf = new float[terms.length];
		for (int i = 0; i < terms.length; i++) {
			idf[i] = (float) (Math.log((1.0 + documents.size()) / (1.0 + documentFrequency.get(terms[i]))) + 1.0);
		}
		return new TfIdfFeatures(terms, idf);
	}

	/**
	 * A document's terms followed by each pair of adjacent terms ({@code "vpn access"}):
	 * a pair often names a topic its words alone do not ("access request" against "access
	 * card"). Terms hold no spaces, so a pair never equals a term.
	 * @param terms a document's terms
	 * @return its terms, then its pairs
	 */
	static List<String> withBigrams(List<String> terms) {
		List<String> features = new ArrayList<>(terms.size() * 2);
		features.addAll(terms);
		for (int i = 1; i < terms.size(); i++) {
			features.add(terms.get(i - 1) + ' ' + terms.get(i));
		}
		return features;
	}

	private static boolean isBigram(String term) {
		return term.indexOf(' ') >= 0;
	}

	/**
	 * @return how many dimensions
	 */
	public int size() {
		return this.terms.length;
	}

	String term(int feature) {
		return this.terms[feature];
	}

	float idf(int feature) {
		return this.idf[feature];
	}

	/**
	 * @param documentTerms a document's terms
	 * @param bigrams whether the pairs of adjacent terms count as well
	 * @return its sparse unit vector, by ascending feature index; empty when it shares no
	 * term with the vocabulary
	 */
	SparseVector vector(List<String> documentTerms, boolean bigrams) {
		Map<Integer, Integer> counts = new HashMap<>();
		for (String term : bigrams ? withBigrams(documentTerms) : documentTerms) {
			Integer feature = this.index.get(term);
			if (feature != null) {
				counts.merge(feature, 1, Integer::sum);
			}
		}
		int[] features = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
		double[] values = new double[features.length];
		double norm = 0;
		for (int i = 0; i < features.length; i++) {
			values[i] = (1 + Math.log(counts.get(features[i]))) * this.idf[features[i]];
			norm += values[i] * values[i];
		}
		double length = Math.sqrt(norm);
		for (int i = 0; i < values.length && length > 0; i++) {
			values[i] /= length;
		}
		return new SparseVector(features, values);
	}

	/**
	 * A sparse vector.
	 *
	 * @param features ascending feature indexes
	 * @param values their values
	 */
	record SparseVector(int[] features, double[] values) {

		boolean isEmpty() {
			return this.features.length == 0;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SparseVector that && Arrays.equals(this.features, that.features)
					&& Arrays.equals(this.values, that.values);
		}

		@Override
		public int hashCode() {
			return 31 * Arrays.hashCode(this.features) + Arrays.hashCode(this.values);
		}

		@Override
		public String toString() {
			return "SparseVector" + Arrays.toString(this.features);
		}

	}

}
