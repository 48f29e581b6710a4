package dev.deskflow.ai.eval;

import java.util.HashMap;
import java.util.Map;

import dev.deskflow.ai.classify.MacroF1;

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
		return (this.total == 0) ? Double.NaN : MacroF1.of(this.truePositives, this.goldCounts, this.predictedCounts);
	}

}
