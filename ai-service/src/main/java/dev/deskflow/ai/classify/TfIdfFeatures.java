package dev.deskflow.ai.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The feature space of the linear classifiers: one dimension per term that occurs in at
 * least two training documents (a term seen once cannot generalise), valued by sublinear
 * TF-IDF ({@code (1 + ln tf) · idf}, smoothed idf) and normalised to unit length, the
 * standard text-classification representation. Immutable.
 */
public final class TfIdfFeatures {

	private static final int MIN_DOCUMENT_FREQUENCY = 2;

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
			for (String term : new HashSet<>(terms)) {
				documentFrequency.merge(term, 1, Integer::sum);
			}
		}
		List<String> kept = new ArrayList<>();
		documentFrequency.forEach((term, df) -> {
			if (df >= MIN_DOCUMENT_FREQUENCY) {
				kept.add(term);
			}
		});
		kept.sort(null);
		String[] terms = kept.toArray(String[]::new);
		float[] idf = new float[terms.length];
		for (int i = 0; i < terms.length; i++) {
			idf[i] = (float) (Math.log((1.0 + documents.size()) / (1.0 + documentFrequency.get(terms[i]))) + 1.0);
		}
		return new TfIdfFeatures(terms, idf);
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
	 * @return its sparse unit vector, by ascending feature index; empty when it shares no
	 * term with the vocabulary
	 */
	SparseVector vector(List<String> documentTerms) {
		Map<Integer, Integer> counts = new HashMap<>();
		for (String term : documentTerms) {
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
