package dev.deskflow.ai.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Turns ticket text into the terms that both rankers and Word2Vec see: Unicode-aware
 * lower-casing, splitting of identifiers, paths and camelCase, numbers kept only where
 * they tend to carry meaning, a small generic English stop-word list and the Porter2
 * (Snowball English) stemmer. Nothing in here is fitted to a particular data set, so it
 * behaves the same on pre-cleaned bag-of-words text, on bug reports with stack traces and
 * on ordinary prose.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class TextAnalyzer {

	/**
	 * Longer input is cut here: a 1 MB paste (a log file, a heap dump) must not stall the
	 * service, and the first 100,000 characters say what the ticket is about.
	 */
	public static final int MAX_CHARS = 100_000;

	private static final int MIN_TERM_LENGTH = 2;

	private static final int MAX_TERM_LENGTH = 40;

	// Error codes, ports and years (2-4 digits) carry meaning; longer digit runs are ids,
	// timestamps and counters that only add noise.
	private static final int MAX_NUMBER_LENGTH = 4;

	private final boolean stem;

	private TextAnalyzer(boolean stem) {
		this.stem = stem;
	}

	/**
	 * @return the analyzer every ranker and model of Deskflow uses
	 */
	public static TextAnalyzer english() {
		return new TextAnalyzer(true);
	}

	/**
	 * @return the same analysis without stemming (to show readable shared terms)
	 */
	public static TextAnalyzer englishUnstemmed() {
		return new TextAnalyzer(false);
	}

	/**
	 * @param text any text, {@code null} and empty allowed
	 * @return the terms in order of appearance (duplicates kept)
	 */
	public List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return terms;
		}
		String input = (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS) : text;
		EnglishStemmer stemmer = this.stem ? new EnglishStemmer() : null;
		int length = input.length();
		int i = 0;
		while (i < length) {
			int cp = input.codePointAt(i);
			if (!Character.isLetterOrDigit(cp)) {
				i += Character.charCount(cp);
				continue;
			}
			int start = i;
			while (i < length) {
				int c = input.codePointAt(i);
				if (!Character.isLetterOrDigit(c)) {
					break;
				}
				i += Character.charCount(c);
			}
			addWord(input.substring(start, i), terms, stemmer);
		}
		return terms;
	}

	// A word is a run of letters and digits; punctuation, '_', '.', '/', '-' have already
	// split
	// paths, snake_case and dotted names. Inside the run, camelCase and letter/digit
	// changes
	// split again; the whole identifier is kept too, so an exact class name still
	// matches.
	private void addWord(String word, List<String> terms, EnglishStemmer stemmer) {
		List<String> parts = splitIdentifier(word);
		if (parts.size() > 1) {
			addTerm(word.toLowerCase(Locale.ROOT), terms, null);
		}
		for (String part : parts) {
			addTerm(part.toLowerCase(Locale.ROOT), terms, stemmer);
		}
	}

	private void addTerm(String term, List<String> terms, EnglishStemmer stemmer) {
		if (term.length() < MIN_TERM_LENGTH || term.length() > MAX_TERM_LENGTH) {
			return;
		}
		if (isDigits(term) && term.length() > MAX_NUMBER_LENGTH) {
			return;
		}
		if (StopWords.contains(term)) {
			return;
		}
		if (stemmer != null && !isDigits(term)) {
			stemmer.setCurrent(term);
			stemmer.stem();
			term = stemmer.getCurrent();
		}
		terms.add(term);
	}

	static List<String> splitIdentifier(String word) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		int length = word.length();
		int i = 0;
		while (i < length) {
			int cp = word.codePointAt(i);
			int next = i + Character.charCount(cp);
			if (next < length) {
				int following = word.codePointAt(next);
				int afterFollowing = next + Character.charCount(following);
				boolean lowerToUpper = Character.isLowerCase(cp) && Character.isUpperCase(following);
				// "HTTPServer": split before the last capital of an acronym followed by
				// lower case
				boolean acronymEnd = Character.isUpperCase(cp) && Character.isUpperCase(following)
						&& afterFollowing < length && Character.isLowerCase(word.codePointAt(afterFollowing));
				boolean digitChange = Character.isDigit(cp) != Character.isDigit(following);
				if (lowerToUpper || acronymEnd || digitChange) {
					parts.add(word.substring(start, next));
					start = next;
				}
			}
			i = next;
		}
		parts.add(word.substring(start));
		return parts;
	}

	private static boolean isDigits(String term) {
		for (int i = 0; i < term.length(); i++) {
			if (!Character.isDigit(term.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
