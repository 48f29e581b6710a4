package dev.deskflow.ai.suggest;

/**
 * A suggested label (a category or a priority) for one text.
 *
 * @param field the label's field, e.g. {@code category}
 * @param label the suggested value, {@code null} when no labelled neighbour was found
 * @param confidence the winning label's share of the neighbours' vote weight, 0..1
 * @param majorityLabel the most frequent value among the tenant's labelled tickets
 * @param majorityRate that value's share: what always guessing it would score, to read
 * the confidence against
 * @param neighbours labelled neighbours that voted
 * @param keywordOnly {@code true} when the neighbours came from the keyword ranker alone
 */
public record Suggestion(String field, String label, double confidence, String majorityLabel, double majorityRate,
		int neighbours, boolean keywordOnly) {
}
