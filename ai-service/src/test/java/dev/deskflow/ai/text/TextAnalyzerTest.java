package dev.deskflow.ai.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalyzerTest {

	private final TextAnalyzer analyzer = TextAnalyzer.english();

	private final TextAnalyzer unstemmed = TextAnalyzer.englishUnstemmed();

	@Test
	void keepsPreCleanedBagOfWordsTextAsStemmedTerms() {
		// endava-tickets: lower-case, no punctuation, already a bag of words
		assertThat(this.analyzer.terms("connection with icon icon dear please setup icon per engineers"))
			.containsExactly("connect", "icon", "icon", "dear", "pleas", "setup", "icon", "per", "engin");
	}

	@Test
	void analysesTitleAndBodyOfTheOriginalLayout() {
		assertThat(this.unstemmed.terms("prod servers tunneling\nhi since recruiter lead permission approve"))
			.containsExactly("prod", "servers", "tunneling", "hi", "since", "recruiter", "lead", "permission",
					"approve");
	}

	@Test
	void splitsIdentifiersPathsAndCamelCaseInBugReports() {
		String report = "NPE in org.apache.hadoop.yarn.util.FSDownload#copy when HTTPServer2 starts\n"
				+ "{code}java.lang.NullPointerException at FSDownload.java:255{code} see old_file_time";
		assertThat(this.unstemmed.terms(report)).contains("fsdownload", "fs", "download", "hadoop", "yarn", "util",
				"httpserver2", "http", "server", "nullpointerexception", "null", "pointer", "exception", "255", "old",
				"file", "time", "npe");
		assertThat(this.unstemmed.terms(report)).doesNotContain("in", "when", "at", "{code}", "java.lang");
	}

	@Test
	void lowerCasesUnicodeProseAndDropsStopWords() {
		assertThat(this.unstemmed.terms("ÉCOLE Straße: the Überweisung was NOT processed")).containsExactly("école",
				"straße", "überweisung", "processed");
	}

	@Test
	void keepsShortNumbersAndDropsLongOnes() {
		assertThat(this.unstemmed.terms("error 404 on port 8080 since 2021, request id 1234567890"))
			.containsExactly("error", "404", "port", "8080", "since", "2021", "request", "id");
	}

	@Test
	void stemsInflectedFormsToOneTerm() {
		assertThat(this.analyzer.terms("printer printers printing")).containsExactly("printer", "printer", "print");
	}

	@Test
	void answersNothingForEmptyInputAndCutsHugeInput() {
		assertThat(this.analyzer.terms(null)).isEmpty();
		assertThat(this.analyzer.terms("")).isEmpty();
		assertThat(this.analyzer.terms("... --- !!!")).isEmpty();
		String huge = "word ".repeat(1_000_000);
		assertThat(this.analyzer.terms(huge)).hasSize(TextAnalyzer.MAX_CHARS / "word ".length());
	}

	@Test
	void splitsCamelCaseAcronymsAndDigits() {
		assertThat(TextAnalyzer.splitIdentifier("HTTPServer2")).containsExactly("HTTP", "Server", "2");
		assertThat(TextAnalyzer.splitIdentifier("getBlockLocations")).containsExactly("get", "Block", "Locations");
		assertThat(TextAnalyzer.splitIdentifier("plain")).containsExactly("plain");
	}

}
