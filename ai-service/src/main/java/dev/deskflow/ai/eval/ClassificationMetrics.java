package dev.deskflow.ai.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy, macro-F1 (unweighted mean of per-label F1 over every label that occurs as
 * gold or prediction, as scikit-learn computes it) and the majority-class rate: the
 * accuracy of always answering the most frequent training label, the figure any accuracy
 * must be read against.
 */
final class ClassificationMetrics {

	private final String majorityLabel;

	private final Map<String, Integer> truePositives = new HashMap<>();

	private final Map<String, Integer> goldCounts = new HashMap<>();

	private final Map<String, Integer> predictedCounts = new HashMap<>();

	private int total;

	private int correct;

	private int majorityCorrect;

	ClassificationMetrics(String majorityLabel) {
		this.majorityLabel = majorityLabel;
	}

	void add(String gold, String predicted) {
		if (gold == null) {
			return;
		}
		this.total++;
		this.goldCounts.merge(gold, 1, Integer::sum);
		if (predicted != null) {
			this.predictedCounts.merge(predicted, 1, Integer::sum);
		}
		if (gold.equals(predicted)) {
			this.correct++;
			this.truePositives.merge(gold, 1, Integer::sum);
		}
		if (gold.equals(this.majorityLabel)) {
			this.majorityCorrect++;
		}
	}

	int total() {
		return this.total;
	}

	double accuracy() {
		return (this.total == 0) ? Double.NaN : this.correct / (double) this.total;
	}

	double majority() {
		return (this.total == 0) ? Double.NaN : this.majorityCorrect / (double) this.total;
	}

	double macroF1() {
		if (this.total == 0) {
			return Double.NaN;
		}
		Set<String> labels = new HashSet<>(this.goldCounts.keySet());
		labels.addAll(this.predictedCounts.keySet());
		double sum = 0;
		for (String label : labels) {
			int tp = this.truePositives.getOrDefault(label, 0);
			int gold = this.goldCounts.getOrDefault(label, 0);
			int predicted = this.predictedCounts.getOrDefault(label, 0);
			double denominator = gold + predicted;
			sum += (denominator == 0) ? 0 : 2.0 * tp / denominator;
		}
		return sum / labels.size();
	}

}
