package dev.deskflow.ai.classify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Macro-averaged F1 (the unweighted mean of per-label F1 over every label that occurs as
 * gold or as prediction, as scikit-learn computes it): what the classifiers are selected
 * by, and what {@code ai-eval} reports, so rare labels count as much as frequent ones.
 */
public final class MacroF1 {

	private MacroF1() {
	}

	static double of(List<String> gold, List<String> predicted) {
		Map<String, Integer> truePositives = new HashMap<>();
		Map<String, Integer> goldCounts = new HashMap<>();
		Map<String, Integer> predictedCounts = new HashMap<>();
		for (int i = 0; i < gold.size(); i++) {
			goldCounts.merge(gold.get(i), 1, Integer::sum);
			predictedCounts.merge(predicted.get(i), 1, Integer::sum);
			if (gold.get(i).equals(predicted.get(i))) {
				truePositives.merge(gold.get(i), 1, Integer::sum);
			}
		}
		return of(truePositives, goldCounts, predictedCounts);
	}

	/**
	 * @param truePositives per label, how often it was predicted rightly
	 * @param goldCounts per label, how often it is the gold label
	 * @param predictedCounts per label, how often it was predicted
	 * @return the macro-F1, 0 without labels
	 */
	public static double of(Map<String, Integer> truePositives, Map<String, Integer> goldCounts,
			Map<String, Integer> predictedCounts) {
		Set<String> labels = new HashSet<>(goldCounts.keySet());
		labels.addAll(predictedCounts.keySet());
		double sum = 0;
		for (String label : labels) {
			int tp = truePositives.getOrDefault(label, 0);
			int denominator = goldCounts.getOrDefault(label, 0) + predictedCounts.getOrDefault(label, 0);
			sum += (denominator > 0) ? 2.0 * tp / denominator : 0;
		}
		return labels.isEmpty() ? 0 : sum / labels.size();
	}

}
