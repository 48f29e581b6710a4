package dev.deskflow.ai.text;

import java.util.Set;

/**
 * Generic English function words (articles, pronouns, auxiliaries, prepositions,
 * conjunctions): the classic short stop lists of information retrieval, not words picked
 * from any ticket set. Domain words such as "please" or "thanks" stay: whether they
 * matter is for IDF and the models to decide, per tenant.
 */
final class StopWords {

	private static final Set<String> WORDS = Set.of("a", "about", "above", "after", "again", "against", "all", "am",
			"an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
			"both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
			"from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
			"his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "me", "more", "most", "my", "myself",
			"no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
			"over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
			"them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
			"until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
			"will", "with", "would", "you", "your", "yours", "yourself", "yourselves");

	private StopWords() {
	}

	static boolean contains(String term) {
		return WORDS.contains(term);
	}

}
