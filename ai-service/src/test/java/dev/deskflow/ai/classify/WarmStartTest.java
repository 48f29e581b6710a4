package dev.deskflow.ai.classify;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import dev.deskflow.ai.Fixtures;
import dev.deskflow.ai.classify.LinearClassifier.Solution;
import dev.deskflow.ai.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The selection starts each candidate from the solution of the one before it; the start
 * must be the same model in the new problem's column order, and must not change where
 * training ends.
 */
class WarmStartTest {

	private static final Feature[] QUERY = { new FeatureNode(1, 0.3), new FeatureNode(2, -1.2), new FeatureNode(3, 0.7),
			new FeatureNode(4, 1) };

	@Test
	void aSolutionRearrangedForAnotherLabelOrderScoresEveryLabelAsBefore() {
		Model model = train(problem(2, 0, 1, 2, 0, 1), 1, null);
		Problem other = problem(0, 1, 2, 0, 1, 2);
		assertThat(model.getLabels()).containsExactly(2, 0, 1);

		double[] arranged = new Solution(model).arrangedFor(other);

		double[] before = new double[3];
		Linear.predictValues(model, QUERY, before);
		// in the other problem's order: label 0 (before at 1), 1 (at 2), 2 (at 0)
		assertThat(decisions(arranged, 3)).containsExactly(new double[] { before[1], before[2], before[0] },
				within(1e-12));
	}

	@Test
	void aTwoLabelSolutionForTheOtherOrderIsNegated() {
		Model model = train(problem(1, 0, 1, 0), 1, null);
		double[] before = new double[1];
		Linear.predictValues(model, QUERY, before);

		assertThat(decisions(new Solution(model).arrangedFor(problem(0, 1, 0, 1)), 1)[0]).isCloseTo(-before[0],
				within(1e-12));
		assertThat(decisions(new Solution(model).arrangedFor(problem(1, 1, 0, 0)), 1)[0]).isCloseTo(before[0],
				within(1e-12));
	}

	@Test
	void aSolutionOfOtherLabelsStartsNothing() {
		Model model = train(problem(0, 1, 2, 0, 1, 2), 1, null);

		assertThat(new Solution(model).arrangedFor(problem(0, 1, 0, 1))).isNull();
		assertThat(new Solution(model).arrangedFor(problem(0, 1, 3, 0, 1, 3))).isNull();
	}

	@Test
	void aWarmStartedTrainingEndsWhereAColdOneDoes() {
		TextAnalyzer analyzer = TextAnalyzer.english();
		List<Map<String, String>> rows = Fixtures.rows("endava-tickets-train.csv");
		List<List<String>> documents = rows.stream().map((row) -> analyzer.terms(row.get("text"))).toList();
		List<String> labels = rows.stream().map((row) -> row.get("category")).toList();
		TfIdfFeatures features = TfIdfFeatures.fit(documents);
		String[] classes = new TreeSet<>(labels).toArray(String[]::new);
		List<TfIdfFeatures.SparseVector> vectors = documents.stream()
			.map((terms) -> features.vector(terms, false))
			.toList();
		// four fifths give the start, as in the selection; the whole is trained at a
		// strength four times higher, from there and from zero
		int fit = labels.size() * 4 / 5;
		Model start = train(
				LinearClassifier.problem(features, classes, vectors.subList(0, fit), labels.subList(0, fit)), 1, null);
		Problem whole = LinearClassifier.problem(features, classes, vectors, labels);
		double[] initial = new Solution(start).arrangedFor(whole);
		assertThat(initial).isNotNull();

		Model cold = train(whole, 4, null);
		Model warm = train(whole, 4, initial);

		int same = 0;
		for (Feature[] row : whole.x) {
			if (Linear.predict(cold, row) == Linear.predict(warm, row)) {
				same++;
			}
		}
		assertThat(same / (double) whole.l).isGreaterThan(0.98);
		assertThat(warm.getFeatureWeights()).isNotEqualTo(cold.getFeatureWeights());
	}

	// four features and a bias; rows of each label lean on a feature of their own
	private static Problem problem(int... labels) {
		Problem problem = new Problem();
		problem.l = labels.length;
		problem.n = 5;
		problem.bias = 1;
		problem.x = new Feature[labels.length][];
		problem.y = new double[labels.length];
		for (int i = 0; i < labels.length; i++) {
			int lean = labels[i] % 4 + 1;
			problem.x[i] = new Feature[] { new FeatureNode(lean, 1), new FeatureNode(4, 0.1 * i),
					new FeatureNode(5, 1) };
			if (lean == 4) {
				problem.x[i] = new Feature[] { new FeatureNode(4, 1), new FeatureNode(5, 1) };
			}
			problem.y[i] = labels[i];
		}
		return problem;
	}

	private static Model train(Problem problem, double strength, double[] initial) {
		Parameter parameter = new Parameter(SolverType.L2R_LR, strength, LinearClassifier.TOLERANCE);
		if (initial != null) {
			parameter.setInitSol(initial);
		}
		Linear.disableDebugOutput();
		return Linear.train(problem, parameter);
	}

	// each column's decision value for QUERY (which, like LIBLINEAR's own, counts the
	// bias
	// only when the query carries it: QUERY does not)
	private static double[] decisions(double[] w, int columns) {
		double[] values = new double[columns];
		for (int c = 0; c < columns; c++) {
			for (Feature feature : QUERY) {
				values[c] += feature.getValue() * w[(feature.getIndex() - 1) * columns + c];
			}
		}
		return values;
	}

}
