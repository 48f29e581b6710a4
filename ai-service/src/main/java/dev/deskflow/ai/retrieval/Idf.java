package dev.deskflow.ai.retrieval;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Smoothed inverse document frequencies of a corpus (as in scikit-learn:
 * {@code ln((1 + N) / (1 + df)) + 1}, positive even for a term in every document).
 */
final class Idf {

	private Idf() {
	}

	static Map<String, Double> of(Collection<List<String>> documents) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		for (List<String> terms : documents) {
			for (String term : new HashSet<>(terms)) {
				documentFrequency.merge(term, 1, Integer::sum);
			}
		}
		int count = documents.size();
		Map<String, Double> idf = new HashMap<>();
		for (Map.Entry<String, Integer> entry : documentFrequency.entrySet()) {
			idf.put(entry.getKey(), Math.log((1.0 + count) / (1.0 + entry.getValue())) + 1.0);
		}
		return idf;
	}

}
