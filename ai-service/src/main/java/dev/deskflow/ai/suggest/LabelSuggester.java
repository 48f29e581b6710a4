package dev.deskflow.ai.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.deskflow.ai.classify.Classifiers;
import dev.deskflow.ai.classify.LinearClassifier;
import dev.deskflow.ai.retrieval.Match;
import dev.deskflow.ai.retrieval.SearchResult;
import dev.deskflow.ai.retrieval.TenantIndex;
import dev.deskflow.ai.text.TextAnalyzer;

/**
 * Suggests labels (category, priority, …) for a text. A field the tenant's
 * {@link Classifiers} cover is answered by its linear classifier (confidence: the label's
 * probability; reason: the terms that pushed most towards it). Any other field (no
 * classifier trained yet, e.g. before the first training job, or under the base model) is
 * answered by a weighted vote of the text's nearest labelled neighbours in the tenant's
 * hybrid ranking. A neighbour at rank r votes with its fused score (the reciprocal-rank
 * weight {@code 1/(60 + r)} summed over the rankers that found it), so neighbours both
 * rankers agree on count more. The confidence is the winner's share of the vote.
 * <p>
 * The index must hold only labelled documents of one tenant. Immutable; thread-safe.
 */
public final class LabelSuggester {

	/** Neighbours that vote: a generic kNN default, not tuned on any data set. */
	public static final int DEFAULT_NEIGHBOURS = 15;

	private final TenantIndex index;

	private final Map<String, Map<String, String>> labelsByField;

	private final Map<String, Majority> majorities = new LinkedHashMap<>();

	private final int neighbours;

	private final Classifiers classifiers;

	private final TextAnalyzer analyzer;

	/**
	 * Per field, the labels of which its classifier saw fewer than half of the documents.
	 */
	private final Map<String, Set<String>> newerThanClassifier = new HashMap<>();

	/**
	 * A suggester that answers every field by the neighbours' vote.
	 * @param index the tenant's index of labelled documents
	 * @param labelsByField per field (e.g. {@code category}), the label of each document
	 * id; documents without a label for a field simply do not vote on it
	 * @param neighbours how many neighbours vote
	 */
	public LabelSuggester(TenantIndex index, Map<String, Map<String, String>> labelsByField, int neighbours) {
		this(index, labelsByField, neighbours, null, null);
	}

	/**
	 * @param index the tenant's index of labelled documents
	 * @param labelsByField per field (e.g. {@code category}), the label of each document
	 * id; documents without a label for a field simply do not vote on it
	 * @param neighbours how many neighbours vote
	 * @param classifiers the tenant's classifiers, or {@code null} for the vote alone
	 * @param analyzer the analysis the classifiers were trained with
	 */
	public LabelSuggester(TenantIndex index, Map<String, Map<String, String>> labelsByField, int neighbours,
			Classifiers classifiers, TextAnalyzer analyzer) {
		this.index = Objects.requireNonNull(index);
		this.labelsByField = Map.copyOf(labelsByField);
		this.neighbours = neighbours;
		this.classifiers = classifiers;
		this.analyzer = analyzer;
		labelsByField.forEach((field, labels) -> this.majorities.put(field, Majority.of(labels.values())));
		if (classifiers != null) {
			labelsByField.forEach((field, labels) -> {
				LinearClassifier classifier = classifiers.forField(field);
				if (classifier != null) {
					Map<String, Integer> documents = new HashMap<>();
					labels.values().forEach((label) -> documents.merge(label, 1, Integer::sum));
					Set<String> newer = new HashSet<>();
					documents.forEach((label, count) -> {
						int examples = classifier.examples(label);
						if (examples >= 0 && count > 2 * examples) {
							newer.add(label);
						}
					});
					if (!newer.isEmpty()) {
						this.newerThanClassifier.put(field, Set.copyOf(newer));
					}
				}
			});
		}
	}

	/**
	 * @param text a ticket's or a draft's text
	 * @param excluded ids that must not vote (the ticket itself)
	 * @return one suggestion per field
	 */
	public Map<String, Suggestion> suggest(String text, Set<String> excluded) {
		SearchResult result = null;
		List<String> terms = null;
		Map<String, Suggestion> suggestions = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, String>> field : this.labelsByField.entrySet()) {
			LinearClassifier classifier = (this.classifiers != null) ? this.classifiers.forField(field.getKey()) : null;
			if (classifier != null) {
				Set<String> newer = this.newerThanClassifier.get(field.getKey());
				if (newer != null) {
					result = (result != null) ? result : this.index.nearest(text, this.neighbours, excluded);
					Suggestion voted = vote(field.getKey(), field.getValue(), result);
					if (voted.label() != null && newer.contains(voted.label())) {
						suggestions.put(field.getKey(), voted);
						continue;
					}
				}
				terms = (terms != null) ? terms : this.analyzer.terms(text);
				suggestions.put(field.getKey(), classify(field.getKey(), classifier, terms));
				continue;
			}
			result = (result != null) ? result : this.index.nearest(text, this.neighbours, excluded);
			suggestions.put(field.getKey(), vote(field.getKey(), field.getValue(), result));
		}
		return suggestions;
	}

	private Suggestion classify(String field, LinearClassifier classifier, List<String> terms) {
		Majority majority = this.majorities.get(field);
		LinearClassifier.Prediction prediction = classifier.predict(terms);
		return new Suggestion(field, prediction.label(), prediction.confidence(), majority.label(), majority.rate(), 0,
				false, Suggestion.CLASSIFIER, prediction.terms());
	}

	private Suggestion vote(String field, Map<String, String> labels, SearchResult result) {
		Map<String, Double> weights = new HashMap<>();
		Map<String, Integer> firstSeen = new HashMap<>();
		double total = 0;
		int voters = 0;
		for (Match match : result.matches()) {
			String label = labels.get(match.id());
			if (label == null) {
				continue;
			}
			double weight = (result.keywordOnly() || match.score() <= 0) ? 1.0 / (60 + match.rank()) : match.score();
			weights.merge(label, weight, Double::sum);
			firstSeen.putIfAbsent(label, match.rank());
			total += weight;
			voters++;
		}
		Majority majority = this.majorities.get(field);
		if (weights.isEmpty()) {
			return new Suggestion(field, null, 0, majority.label(), majority.rate(), 0, result.keywordOnly(),
					Suggestion.NEIGHBOURS, List.of());
		}
		// ties go to the label whose best neighbour ranked higher
		List<Map.Entry<String, Double>> ranked = new ArrayList<>(weights.entrySet());
		ranked.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
			.thenComparingInt((e) -> firstSeen.get(e.getKey())));
		Map.Entry<String, Double> winner = ranked.get(0);
		return new Suggestion(field, winner.getKey(), winner.getValue() / total, majority.label(), majority.rate(),
				voters, result.keywordOnly(), Suggestion.NEIGHBOURS, List.of());
	}

	/**
	 * @param field a field
	 * @return the most frequent label of the field among the labelled documents, and its
	 * share
	 */
	public Majority majority(String field) {
		return this.majorities.get(field);
	}

	/**
	 * The most frequent label and its share.
	 *
	 * @param label the label, {@code null} for no labels
	 * @param rate its share of the labelled documents
	 */
	public record Majority(String label, double rate) {

		static Majority of(Iterable<String> labels) {
			Map<String, Integer> counts = new HashMap<>();
			int total = 0;
			for (String label : labels) {
				counts.merge(label, 1, Integer::sum);
				total++;
			}
			if (total == 0) {
				return new Majority(null, 0);
			}
			// ties go to the alphabetically first label, so the answer does not depend on
			// hashing
			Map.Entry<String, Integer> best = null;
			for (Map.Entry<String, Integer> entry : counts.entrySet()) {
				if (best == null || entry.getValue() > best.getValue()
						|| (entry.getValue().equals(best.getValue()) && entry.getKey().compareTo(best.getKey()) < 0)) {
					best = entry;
				}
			}
			return new Majority(best.getKey(), best.getValue() / (double) total);
		}

	}

}
