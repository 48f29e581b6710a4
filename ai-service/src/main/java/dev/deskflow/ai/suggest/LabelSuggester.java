package dev.deskflow.ai.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.deskflow.ai.retrieval.Match;
import dev.deskflow.ai.retrieval.SearchResult;
import dev.deskflow.ai.retrieval.TenantIndex;

/**
 * Suggests labels (category, priority, …) for a text by a weighted vote of its nearest
 * labelled neighbours in the tenant's hybrid ranking. A neighbour at rank r votes with
 * its fused score (the reciprocal-rank weight {@code 1/(60 + r)} summed over the rankers
 * that found it), so neighbours both rankers agree on count more. The confidence is the
 * winner's share of the vote.
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

	/**
	 * @param index the tenant's index of labelled documents
	 * @param labelsByField per field (e.g. {@code category}), the label of each document
	 * id; documents without a label for a field simply do not vote on it
	 * @param neighbours how many neighbours vote
	 */
	public LabelSuggester(TenantIndex index, Map<String, Map<String, String>> labelsByField, int neighbours) {
		this.index = Objects.requireNonNull(index);
		this.labelsByField = Map.copyOf(labelsByField);
		this.neighbours = neighbours;
		labelsByField.forEach((field, labels) -> this.majorities.put(field, Majority.of(labels.values())));
	}

	/**
	 * @param text a ticket's or a draft's text
	 * @param excluded ids that must not vote (the ticket itself)
	 * @return one suggestion per field
	 */
	public Map<String, Suggestion> suggest(String text, Set<String> excluded) {
		SearchResult result = this.index.similar(text, this.neighbours, excluded);
		Map<String, Suggestion> suggestions = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, String>> field : this.labelsByField.entrySet()) {
			suggestions.put(field.getKey(), vote(field.getKey(), field.getValue(), result));
		}
		return suggestions;
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
			return new Suggestion(field, null, 0, majority.label(), majority.rate(), 0, result.keywordOnly());
		}
		// ties go to the label whose best neighbour ranked higher
		List<Map.Entry<String, Double>> ranked = new ArrayList<>(weights.entrySet());
		ranked.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
			.thenComparingInt((e) -> firstSeen.get(e.getKey())));
		Map.Entry<String, Double> winner = ranked.get(0);
		return new Suggestion(field, winner.getKey(), winner.getValue() / total, majority.label(), majority.rate(),
				voters, result.keywordOnly());
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
