package dev.deskflow.ai.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import dev.deskflow.ai.classify.TfIdfFeatures.SparseVector;
import dev.deskflow.ai.retrieval.TopicSpace;

/**
 * Suggests one label field (a category, a priority) for a text by L2-regularised logistic
 * regression over TF-IDF features (LIBLINEAR, one-vs-rest). The regularisation strength,
 * whether classes are weighted by their inverse frequency and whether pairs of adjacent
 * terms count as well as terms are chosen by the code, per corpus and field: each
 * candidate is trained on four fifths of the labelled documents and scored by macro-F1 on
 * the other fifth (on each of the five fifths in turn, for a corpus of at most
 * {@value #CROSS_VALIDATION_UP_TO} labelled documents), and the best is retrained on all
 * of them. Nothing is fitted by hand.
 * <p>
 * The probabilities are LIBLINEAR's one-vs-rest logistic outputs normalised to sum to
 * one; the confidence of a prediction is the winner's probability and its reason the
 * terms that pushed most towards it. Immutable; thread-safe.
 */
public final class LinearClassifier {

	/** Regularisation strengths tried (LIBLINEAR's C), a coarse logarithmic grid. */
	private static final double[] STRENGTHS = { 1, 4, 16 };

	/**
	 * Below this many labelled documents there is no validation split: C = 4, unweighted.
	 */
	private static final int MIN_FOR_SELECTION = 50;

	private static final int VALIDATION_EVERY = 5;

	/**
	 * Up to this many labelled documents every candidate is scored on each of the five
	 * fifths in turn (five-fold cross-validation) instead of the last one alone. A single
	 * fifth of a small corpus has too few documents of each label for macro-F1 to tell
	 * close candidates apart (endava-original's 176 topics: about 700 validation tickets,
	 * 4 per topic, and pairs of terms or not scored 0.161 against 0.162); the five fits
	 * cost little at this size, and run side by side on the common fork-join pool. Above
	 * it, one fifth has enough documents.
	 */
	private static final int CROSS_VALIDATION_UP_TO = 5_000;

	/**
	 * LIBLINEAR's stopping tolerance: training ends when the gradient's norm is below
	 * this share of its norm at zero. A tenth of LIBLINEAR's default (0.01): at the
	 * default, two candidates' validation scores differed by how far the solver happened
	 * to go past the tolerance, and the selection's choice changed with where the solver
	 * started (endava-original's 176 topics: pairs of terms or not). Converged this far,
	 * a candidate started from zero and one started from its neighbour's solution are
	 * scored alike. At 30,000 tickets the warm starts more than pay for the extra
	 * iterations; at 10,000 the two about cancel out.
	 */
	static final double TOLERANCE = 0.001;

	/** The setting below {@link #MIN_FOR_SELECTION}. */
	private static final Setting DEFAULT = new Setting(4, false, false);

	private static final int REASON_TERMS = 3;

	private static final float ABSENT_BIAS = -50;

	private final TfIdfFeatures features;

	private final String[] labels;

	private final float[][] weights;

	private final float[] bias;

	private final int[] examples;

	private final boolean bigrams;

	/** The setting its training chose; {@code null} when read from a file. */
	private final Setting setting;

	/**
	 * @param examples per label, the documents it was trained on; {@code null} when not
	 * known (classifiers stored before it was recorded)
	 * @param bigrams whether it reads a text's pairs of adjacent terms as well as its
	 * terms
	 */
	LinearClassifier(TfIdfFeatures features, String[] labels, float[][] weights, float[] bias, int[] examples,
			boolean bigrams) {
		this(features, labels, weights, bias, examples, bigrams, null);
	}

	private LinearClassifier(TfIdfFeatures features, String[] labels, float[][] weights, float[] bias, int[] examples,
			boolean bigrams, Setting setting) {
		this.bigrams = bigrams;
		this.setting = setting;
		this.features = features;
		this.labels = labels;
		this.weights = weights;
		this.bias = bias;
		this.examples = examples;
	}

	/**
	 * @param features the feature space
	 * @param documents the documents' terms
	 * @param labels each document's label, {@code null} where it has none
	 * @return the classifier, or {@code null} when fewer than two labels occur
	 */
	public static LinearClassifier train(TfIdfFeatures features, List<List<String>> documents, List<String> labels) {
		return train(features, documents, labels, (done) -> {
		});
	}

	/**
	 * @param features the feature space
	 * @param documents the documents' terms
	 * @param labels each document's label, {@code null} where it has none
	 * @param progress told the share of the training done (up to 1) after each candidate
	 * of the selection and after the final training
	 * @return the classifier, or {@code null} when fewer than two labels occur
	 */
	public static LinearClassifier train(TfIdfFeatures features, List<List<String>> documents, List<String> labels,
			DoubleConsumer progress) {
		return train(features, documents, labels, null, progress);
	}

	/**
	 * @param fixed the setting to train with, or {@code null} to choose one by the
	 * validation split
	 */
	private static LinearClassifier train(TfIdfFeatures features, List<List<String>> documents, List<String> labels,
			Setting fixed, DoubleConsumer progress) {
		// a pair is in the space only if both its terms are: a document without terms
		// has no pairs either
		List<List<String>> labelled = new ArrayList<>();
		List<SparseVector> termVectors = new ArrayList<>();
		List<String> known = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			SparseVector vector = features.vector(documents.get(i), false);
			if (labels.get(i) != null && !vector.isEmpty()) {
				labelled.add(documents.get(i));
				termVectors.add(vector);
				known.add(labels.get(i));
			}
		}
		String[] classes = new TreeSet<>(known).toArray(String[]::new);
		if (classes.length < 2) {
			return null;
		}
		if (fixed != null) {
			List<SparseVector> vectors = fixed.bigrams()
					? labelled.stream().map((terms) -> features.vector(terms, true)).toList() : termVectors;
			return fit(features, classes, vectors, known, fixed, null);
		}
		Map<Boolean, List<SparseVector>> vectors = new HashMap<>();
		vectors.put(false, termVectors);
		vectors.put(true, labelled.stream().map((terms) -> features.vector(terms, true)).toList());
		if (labelled.size() < MIN_FOR_SELECTION) {
			LinearClassifier classifier = fit(features, classes, vectors.get(false), known, DEFAULT, null);
			progress.accept(1);
			return classifier;
		}
		// the final training counts as one candidate more
		int steps = 2 * 2 * STRENGTHS.length + 1;
		Choice best = select(features, classes, vectors, known, (done) -> progress.accept(done / (double) steps));
		LinearClassifier classifier = fit(features, classes, vectors.get(best.setting().bigrams()), known,
				best.setting(), best.solution());
		progress.accept(1);
		return classifier;
	}

	/**
	 * A topic space for the hybrid ranking: the label distribution of a classifier
	 * trained on the given documents.
	 * @param documents the documents' terms
	 * @param labels each document's label, {@code null} where it has none
	 * @return the topic space, or {@code null} when fewer than two labels occur
	 */
	public static TopicSpace topicSpace(List<List<String>> documents, List<String> labels) {
		LinearClassifier classifier = train(TfIdfFeatures.fit(documents), documents, labels);
		return (classifier != null) ? classifier.asTopicSpace() : null;
	}

	/**
	 * Trains topic spaces on samples of the corpus this classifier was trained on, with
	 * the setting its own training chose instead of choosing again: one fit instead of a
	 * selection's dozen.
	 * @return the trainer; for a classifier read from a file, one that chooses
	 */
	public BiFunction<List<List<String>>, List<String>, TopicSpace> topicTrainer() {
		if (this.setting == null) {
			return LinearClassifier::topicSpace;
		}
		Setting chosen = this.setting;
		return (documents, labels) -> {
			LinearClassifier classifier = train(TfIdfFeatures.fit(documents), documents, labels, chosen, (done) -> {
			});
			return (classifier != null) ? classifier.asTopicSpace() : null;
		};
	}

	/**
	 * @return this classifier's label distribution as a topic space
	 */
	public TopicSpace asTopicSpace() {
		return new TopicSpace() {

			@Override
			public double[] distribution(List<String> terms) {
				return predict(terms).probabilities();
			}

			@Override
			public double[] known(String label) {
				int index = Arrays.asList(LinearClassifier.this.labels).indexOf(label);
				if (index < 0) {
					return null;
				}
				double[] certain = new double[LinearClassifier.this.labels.length];
				certain[index] = 1;
				return certain;
			}

		};
	}

	/**
	 * Tries every setting (pairs of terms or not, class weights or not, each strength) on
	 * four fifths of the documents and keeps the best by macro-F1 on the other fifth; on
	 * a tie the simpler (without pairs, unweighted, weaker) stays. (Choosing the
	 * representation first, at the default strength, and the rest after it trains five
	 * candidates fewer but chose worse: on endava-original it kept terms alone and the
	 * hybrid's MRR@10 fell from 0.563 to 0.537.)
	 * <p>
	 * Each strength starts from the solution of the one below it (a warm start along the
	 * regularisation path), and the final training from the chosen candidate's solution.
	 * LIBLINEAR stops when the gradient has shrunk to {@link #TOLERANCE} of its norm at
	 * zero, wherever the solver started, so a warm start changes how many iterations a
	 * candidate takes, not how well it is solved.
	 */
	private static Choice select(TfIdfFeatures features, String[] classes, Map<Boolean, List<SparseVector>> vectors,
			List<String> labels, IntConsumer tried) {
		int[] heldFifths = (labels.size() <= CROSS_VALIDATION_UP_TO) ? IntStream.range(0, VALIDATION_EVERY).toArray()
				: new int[] { VALIDATION_EVERY - 1 };
		List<Validation> validations = Arrays.stream(heldFifths)
			.mapToObj((fifth) -> new Validation(features, classes, vectors, labels, fifth))
			.toList();
		int splits = validations.size();
		Choice best = null;
		double bestScore = -1;
		int candidates = 0;
		for (boolean bigrams : new boolean[] { false, true }) {
			validations.parallelStream().forEach((validation) -> validation.represent(bigrams));
			// the unweighted and the weighted path (index 0 and 1) go side by side, each
			// strength starting from the path's solution at the strength below; a path's
			// best is the first of its strengths with the highest score
			Solution[][] previous = new Solution[2][splits];
			Choice[] pathBest = new Choice[2];
			double[] pathScore = { -1, -1 };
			for (double strength : STRENGTHS) {
				// the splits and paths are independent: trained side by side, summed in
				// order; LIBLINEAR's L2R_LR solver draws no random numbers and only reads
				// the shared problem, so the result is the same as one after the other
				Attempt[] attempts = IntStream.range(0, 2 * splits)
					.parallel()
					.mapToObj((task) -> validations.get(task % splits)
						.attempt(new Setting(strength, task >= splits, bigrams),
								previous[task / splits][task % splits]))
					.toArray(Attempt[]::new);
				for (int path = 0; path < 2; path++) {
					double score = 0;
					for (int v = 0; v < splits; v++) {
						score += attempts[path * splits + v].score() / splits;
						previous[path][v] = attempts[path * splits + v].solution();
					}
					if (score > pathScore[path]) {
						pathScore[path] = score;
						pathBest[path] = new Choice(new Setting(strength, path == 1, bigrams),
								previous[path][splits - 1]);
					}
					tried.accept(++candidates);
				}
			}
			// in the order the candidates were once tried one by one (unweighted before
			// weighted, weaker before stronger): on a tie the earlier stays
			for (int path = 0; path < 2; path++) {
				if (pathScore[path] > bestScore) {
					bestScore = pathScore[path];
					best = pathBest[path];
				}
			}
		}
		return best;
	}

	/**
	 * One validation split: candidates fit on four fifths, scored on the other fifth. The
	 * fitting problem of one representation is kept while its candidates are tried (the
	 * selection tries them one representation after the other), never both: with pairs of
	 * terms it is the largest part of a large corpus's selection.
	 */
	private static final class Validation {

		private final TfIdfFeatures features;

		private final String[] classes;

		private final Map<Boolean, List<SparseVector>> fitVectors = new HashMap<>();

		private final Map<Boolean, List<SparseVector>> heldVectors = new HashMap<>();

		private final List<String> fitLabels = new ArrayList<>();

		private final List<String> heldLabels = new ArrayList<>();

		private boolean bigrams;

		private Problem problem;

		private int[] counts;

		/**
		 * @param fifth which fifth is held out: documents {@code i} with
		 * {@code i % 5 == fifth}
		 */
		Validation(TfIdfFeatures features, String[] classes, Map<Boolean, List<SparseVector>> vectors,
				List<String> labels, int fifth) {
			this.features = features;
			this.classes = classes;
			for (int i = 0; i < labels.size(); i++) {
				(held(i, fifth) ? this.heldLabels : this.fitLabels).add(labels.get(i));
			}
			vectors.forEach((bigrams, all) -> {
				List<SparseVector> fit = new ArrayList<>();
				List<SparseVector> held = new ArrayList<>();
				for (int i = 0; i < all.size(); i++) {
					(held(i, fifth) ? held : fit).add(all.get(i));
				}
				this.fitVectors.put(bigrams, fit);
				this.heldVectors.put(bigrams, held);
			});
		}

		/**
		 * Builds the fitting problem of one representation, letting the other one's go
		 * first. Not to be called while candidates are tried.
		 * @param bigrams whether the candidates to try read pairs of terms
		 */
		void represent(boolean bigrams) {
			this.problem = null;
			this.problem = problem(this.features, this.classes, this.fitVectors.get(bigrams), this.fitLabels);
			this.counts = counts(this.problem, this.classes.length);
			this.bigrams = bigrams;
		}

		/**
		 * Thread-safe: several candidates of the current representation may be tried at
		 * once.
		 * @param start the solution to start from, {@code null} for zero
		 * @return the candidate's solution on four fifths and its macro-F1 on the fifth
		 */
		Attempt attempt(Setting setting, Solution start) {
			if (setting.bigrams() != this.bigrams) {
				throw new IllegalStateException("the problem of the other representation is built");
			}
			Solution solution = LinearClassifier.solve(this.problem, this.classes.length, setting, start);
			LinearClassifier candidate = fromModel(this.features, this.classes, solution.model(), this.counts, setting);
			List<String> predicted = this.heldVectors.get(setting.bigrams())
				.stream()
				.map((vector) -> candidate.predict(vector).label())
				.toList();
			return new Attempt(solution, MacroF1.of(this.heldLabels, predicted));
		}

	}

	private static boolean held(int document, int fifth) {
		return document % VALIDATION_EVERY == fifth;
	}

	/**
	 * @param start a solution to start from (of another problem over the same features),
	 * or {@code null} to start from zero
	 */
	private static LinearClassifier fit(TfIdfFeatures features, String[] classes, List<SparseVector> vectors,
			List<String> labels, Setting setting, Solution start) {
		Problem problem = problem(features, classes, vectors, labels);
		Solution solution = solve(problem, classes.length, setting, start);
		return fromModel(features, classes, solution.model(), counts(problem, classes.length), setting);
	}

	/**
	 * The documents as a LIBLINEAR problem: label indexes into {@code classes}, a bias.
	 */
	static Problem problem(TfIdfFeatures features, String[] classes, List<SparseVector> vectors, List<String> labels) {
		Problem problem = new Problem();
		problem.l = vectors.size();
		problem.n = features.size() + 1;
		problem.bias = 1;
		problem.x = new Feature[vectors.size()][];
		problem.y = new double[vectors.size()];
		for (int i = 0; i < vectors.size(); i++) {
			SparseVector vector = vectors.get(i);
			Feature[] row = new Feature[vector.features().length + 1];
			for (int f = 0; f < vector.features().length; f++) {
				row[f] = new FeatureNode(vector.features()[f] + 1, vector.values()[f]);
			}
			row[row.length - 1] = new FeatureNode(problem.n, problem.bias);
			problem.x[i] = row;
			problem.y[i] = Arrays.binarySearch(classes, labels.get(i));
		}
		return problem;
	}

	private static int[] counts(Problem problem, int classes) {
		int[] counts = new int[classes];
		for (double label : problem.y) {
			counts[(int) label]++;
		}
		return counts;
	}

	private static Solution solve(Problem problem, int classes, Setting setting, Solution start) {
		int[] counts = counts(problem, classes);
		Parameter parameter = new Parameter(SolverType.L2R_LR, setting.strength(), TOLERANCE);
		if (setting.balanced()) {
			int[] present = IntStream.range(0, classes).filter((c) -> counts[c] > 0).toArray();
			double[] classWeights = new double[present.length];
			for (int i = 0; i < present.length; i++) {
				classWeights[i] = problem.l / ((double) present.length * counts[present[i]]);
			}
			parameter.setWeights(classWeights, present);
		}
		if (start != null) {
			double[] initial = start.arrangedFor(problem);
			if (initial != null) {
				parameter.setInitSol(initial);
			}
		}
		Linear.disableDebugOutput();
		Linear.resetRandom();
		return new Solution(Linear.train(problem, parameter));
	}

	// LIBLINEAR keeps w[feature * nrW + column]; the bias feature is the last one. With
	// two classes there is one column, for the model's first label.
	private static LinearClassifier fromModel(TfIdfFeatures features, String[] classes, Model model, int[] counts,
			Setting setting) {
		int[] modelLabels = model.getLabels();
		double[] w = model.getFeatureWeights();
		int columns = (modelLabels.length == 2) ? 1 : modelLabels.length;
		int dims = features.size();
		float[][] weights = new float[classes.length][dims];
		float[] bias = new float[classes.length];
		// a label the training slice lacks (possible in the validation split) is never
		// predicted
		Arrays.fill(bias, ABSENT_BIAS);
		for (int column = 0; column < columns; column++) {
			int label = modelLabels[column];
			for (int f = 0; f < dims; f++) {
				weights[label][f] = (float) w[f * columns + column];
			}
			bias[label] = (float) w[dims * columns + column];
		}
		if (modelLabels.length == 2) {
			int other = modelLabels[1];
			for (int f = 0; f < dims; f++) {
				weights[other][f] = -weights[modelLabels[0]][f];
			}
			bias[other] = -bias[modelLabels[0]];
		}
		return new LinearClassifier(features, classes, weights, bias, counts, setting.bigrams(), setting);
	}

	/**
	 * @return the labels, in the order of {@link Prediction#probabilities()}
	 */
	public List<String> labels() {
		return List.of(this.labels);
	}

	/**
	 * @param label a label
	 * @return how many documents of the label it was trained on: 0 for a label it does
	 * not know, -1 when that was not recorded
	 */
	public int examples(String label) {
		int index = Arrays.asList(this.labels).indexOf(label);
		if (index < 0) {
			return 0;
		}
		return (this.examples != null) ? this.examples[index] : -1;
	}

	int[] examples() {
		return this.examples;
	}

	/**
	 * @return whether it reads a text's pairs of adjacent terms as well as its terms (as
	 * its training chose)
	 */
	public boolean bigrams() {
		return this.bigrams;
	}

	float[][] weights() {
		return this.weights;
	}

	float[] bias() {
		return this.bias;
	}

	/**
	 * @param terms a text's terms
	 * @return the prediction; with no known term it rests on the biases alone
	 */
	public Prediction predict(List<String> terms) {
		return predict(this.features.vector(terms, this.bigrams));
	}

	Prediction predict(SparseVector vector) {
		double[] probabilities = new double[this.labels.length];
		double total = 0;
		int winner = 0;
		for (int c = 0; c < this.labels.length; c++) {
			double decision = this.bias[c];
			float[] w = this.weights[c];
			for (int i = 0; i < vector.features().length; i++) {
				decision += w[vector.features()[i]] * vector.values()[i];
			}
			probabilities[c] = 1 / (1 + Math.exp(-decision));
			total += probabilities[c];
			if (probabilities[c] > probabilities[winner]) {
				winner = c;
			}
		}
		for (int c = 0; c < probabilities.length; c++) {
			probabilities[c] /= total;
		}
		return new Prediction(this.labels[winner], probabilities[winner], probabilities, reason(vector, winner));
	}

	private List<String> reason(SparseVector vector, int label) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < vector.features().length; i++) {
			if (this.weights[label][vector.features()[i]] > 0) {
				order.add(i);
			}
		}
		order.sort(Comparator
			.comparingDouble((Integer i) -> -this.weights[label][vector.features()[i]] * vector.values()[i]));
		return order.stream().limit(REASON_TERMS).map((i) -> this.features.term(vector.features()[i])).toList();
	}

	/**
	 * A predicted label.
	 *
	 * @param label the most probable label
	 * @param confidence its probability, 0..1
	 * @param probabilities every label's probability, in the order of {@link #labels()}
	 * @param terms the text's terms that pushed most towards the label, strongest first
	 */
	public record Prediction(String label, double confidence, double[] probabilities, List<String> terms) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Prediction that && Objects.equals(this.label, that.label)
					&& Arrays.equals(this.probabilities, that.probabilities) && this.terms.equals(that.terms);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.label, Arrays.hashCode(this.probabilities), this.terms);
		}

		@Override
		public String toString() {
			return "Prediction[" + this.label + " " + this.confidence + " " + this.terms + "]";
		}

	}

	private record Setting(double strength, boolean balanced, boolean bigrams) {
	}

	/** A candidate's solution on one validation split, and its score there. */
	private record Attempt(Solution solution, double score) {
	}

	/** A setting the selection chose, and its solution on the validation split. */
	private record Choice(Setting setting, Solution solution) {
	}

	/** A trained LIBLINEAR model, kept to start another training from. */
	record Solution(Model model) {

		/**
		 * LIBLINEAR orders a problem's labels by their first appearance and keeps the
		 * weights as {@code w[feature * columns + column]} (one column for two labels,
		 * for the first); {@code Parameter.setInitSol} takes the same layout.
		 * @param problem the problem to start on, over the same features
		 * @return these weights in that problem's column order, or {@code null} when the
		 * two do not have the same labels
		 */
		double[] arrangedFor(Problem problem) {
			int[] from = this.model.getLabels();
			int[] to = Arrays.stream(problem.y).mapToInt((label) -> (int) label).distinct().toArray();
			if (!Arrays.equals(Arrays.stream(from).sorted().toArray(), Arrays.stream(to).sorted().toArray())) {
				return null;
			}
			double[] w = this.model.getFeatureWeights();
			int columns = (from.length == 2) ? 1 : from.length;
			if (w.length != problem.n * columns) {
				return null;
			}
			double[] arranged = new double[w.length];
			if (columns == 1) {
				double sign = (from[0] == to[0]) ? 1 : -1;
				for (int i = 0; i < w.length; i++) {
					arranged[i] = sign * w[i];
				}
				return arranged;
			}
			int[] column = new int[columns];
			for (int c = 0; c < columns; c++) {
				column[c] = indexOf(from, to[c]);
			}
			for (int f = 0; f < problem.n; f++) {
				for (int c = 0; c < columns; c++) {
					arranged[f * columns + c] = w[f * columns + column[c]];
				}
			}
			return arranged;
		}

		private static int indexOf(int[] values, int value) {
			for (int i = 0; i < values.length; i++) {
				if (values[i] == value) {
					return i;
				}
			}
			throw new IllegalArgumentException("no label " + value);
		}

	}

}
