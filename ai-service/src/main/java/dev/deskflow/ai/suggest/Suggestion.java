package dev.deskflow.ai.suggest;

import java.util.List;

/**
 * A suggested label (a category or a priority) for one text.
 *
 * @param field the label's field, e.g. {@code category}
 * @param label the suggested value, {@code null} when nothing could be suggested
 * @param confidence the classifier's probability of the label, or, for a neighbour vote,
 * the winning label's share of the vote weight; 0..1
 * @param majorityLabel the most frequent value among the tenant's labelled tickets
 * @param majorityRate that value's share: what always guessing it would score, to read
 * the confidence against
 * @param neighbours labelled neighbours that voted (0 when a classifier answered)
 * @param keywordOnly {@code true} when the neighbours came from the keyword ranker alone
 * @param method {@value #CLASSIFIER} or {@value #NEIGHBOURS}
 * @param terms for a classifier's answer, the text's terms that pushed most towards the
 * label (its reason); empty for a vote
 */
public record Suggestion(String field, String label, double confidence, String majorityLabel, double majorityRate,
		int neighbours, boolean keywordOnly, String method, List<String> terms) {

	/** Answered by the tenant's linear classifier. */
	public static final String CLASSIFIER = "classifier";

	/** Answered by a vote of the nearest labelled neighbours. */
	public static final String NEIGHBOURS = "neighbours";

}
