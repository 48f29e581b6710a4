package dev.deskflow.ai.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.deskflow.ai.classify.Classifiers;
import dev.deskflow.ai.retrieval.Document;
import dev.deskflow.ai.retrieval.TenantIndex;
import dev.deskflow.ai.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LabelSuggesterTest {

	private static final List<Document> DOCUMENTS = List.of(new Document("1", "printer toner empty"),
			new Document("2", "printer paper jam"), new Document("3", "printer offline again"),
			new Document("4", "vpn password reset"), new Document("5", "password expired cannot log in"),
			new Document("6", "new laptop for new hire"));

	private static final Map<String, String> CATEGORY = Map.of("1", "Hardware", "2", "Hardware", "3", "Hardware", "4",
			"Access", "5", "Access", "6", "Purchase");

	private static final Map<String, String> PRIORITY = Map.of("1", "low", "2", "low", "3", "high", "4", "high", "5",
			"high");

	@Test
	void votesWithTheNearestNeighboursAndReportsConfidenceAndMajorityRate() {
		try (TenantIndex index = TenantIndex.build("acme", DOCUMENTS, null, TextAnalyzer.english())) {
			LabelSuggester suggester = new LabelSuggester(index, Map.of("category", CATEGORY, "priority", PRIORITY),
					15);
			Map<String, Suggestion> suggestions = suggester.suggest("the printer shows a paper jam", Set.of());

			Suggestion category = suggestions.get("category");
			assertThat(category.label()).isEqualTo("Hardware");
			// only the three printer tickets share a term: they all vote Hardware
			assertThat(category.neighbours()).isEqualTo(3);
			assertThat(category.confidence()).isCloseTo(1.0, within(1e-9));
			assertThat(category.majorityLabel()).isEqualTo("Hardware");
			assertThat(category.majorityRate()).isCloseTo(3 / 6.0, within(1e-9));
			assertThat(category.keywordOnly()).isTrue();

			Suggestion priority = suggestions.get("priority");
			// two "low" printer tickets outrank one "high": low wins, but not with full
			// confidence
			assertThat(priority.label()).isEqualTo("low");
			assertThat(priority.confidence()).isGreaterThan(0.5).isLessThan(1.0);
			assertThat(priority.majorityLabel()).isEqualTo("high");
			assertThat(priority.majorityRate()).isCloseTo(3 / 5.0, within(1e-9));
		}
	}

	@Test
	void suggestsNothingWhenNoLabelledNeighbourIsFound() {
		try (TenantIndex index = TenantIndex.build("acme", DOCUMENTS, null, TextAnalyzer.english())) {
			Suggestion suggestion = new LabelSuggester(index, Map.of("category", CATEGORY), 15)
				.suggest("quantum entanglement", Set.of())
				.get("category");
			assertThat(suggestion.label()).isNull();
			assertThat(suggestion.confidence()).isZero();
			assertThat(suggestion.majorityLabel()).isEqualTo("Hardware");
		}
	}

	@Test
	void leavesTheExcludedTicketOutOfTheVote() {
		try (TenantIndex index = TenantIndex.build("acme", DOCUMENTS, null, TextAnalyzer.english())) {
			Suggestion suggestion = new LabelSuggester(index, Map.of("category", CATEGORY), 15)
				.suggest("new laptop for new hire", Set.of("6"))
				.get("category");
			assertThat(suggestion.label()).isNotEqualTo("Purchase");
		}
	}

	@Test
	void votesForALabelMostlyNewerThanTheClassifierAndLeavesTheRestToIt() {
		TextAnalyzer analyzer = TextAnalyzer.english();
		List<Document> trained = new ArrayList<>(DOCUMENTS);
		Map<String, String> category = new HashMap<>(CATEGORY);
		// the classifier learnt two scanner tickets; three more were imported after it
		List<Document> documents = new ArrayList<>(DOCUMENTS);
		for (String id : List.of("7", "8", "9", "10", "11")) {
			Document scanner = new Document(id, "scanner skips pages in the feeder " + id);
			documents.add(scanner);
			category.put(id, "Scanning");
			if (id.equals("7") || id.equals("8")) {
				trained.add(scanner);
			}
		}
		Classifiers classifiers = categoryClassifier(trained, category, analyzer);
		assertThat(classifiers.forField("category").examples("Scanning")).isEqualTo(2);
		try (TenantIndex index = TenantIndex.build("acme", documents, null, analyzer)) {
			LabelSuggester suggester = new LabelSuggester(index, Map.of("category", category), 15, classifiers,
					analyzer);

			Suggestion scanner = suggester.suggest("the scanner feeder skips pages", Set.of()).get("category");
			assertThat(scanner.label()).isEqualTo("Scanning");
			assertThat(scanner.method()).isEqualTo(Suggestion.NEIGHBOURS);
			assertThat(scanner.neighbours()).isEqualTo(5);

			Suggestion printer = suggester.suggest("the printer shows a paper jam", Set.of()).get("category");
			assertThat(printer.label()).isEqualTo("Hardware");
			assertThat(printer.method()).isEqualTo(Suggestion.CLASSIFIER);
		}
	}

	@Test
	void votesForALabelTheClassifierNeverSaw() {
		TextAnalyzer analyzer = TextAnalyzer.english();
		Classifiers classifiers = categoryClassifier(DOCUMENTS, CATEGORY, analyzer);
		List<Document> documents = new ArrayList<>(DOCUMENTS);
		Map<String, String> category = new HashMap<>(CATEGORY);
		for (String id : List.of("7", "8")) {
			documents.add(new Document(id, "scanner skips pages in the feeder " + id));
			category.put(id, "Scanning");
		}
		try (TenantIndex index = TenantIndex.build("acme", documents, null, analyzer)) {
			Suggestion scanner = new LabelSuggester(index, Map.of("category", category), 15, classifiers, analyzer)
				.suggest("the scanner feeder skips pages", Set.of())
				.get("category");
			assertThat(scanner.label()).isEqualTo("Scanning");
			assertThat(scanner.method()).isEqualTo(Suggestion.NEIGHBOURS);
		}
	}

	@Test
	void asksOnlyTheClassifierWhenItKnowsEveryLabel() {
		TextAnalyzer analyzer = TextAnalyzer.english();
		// the laptop ticket shares no term with another, so it gives the classifier no
		// features: its label is left out here, as the classifier could not name it
		Map<String, String> category = new HashMap<>(CATEGORY);
		category.remove("6");
		List<Document> labelled = DOCUMENTS.stream().filter((document) -> category.containsKey(document.id())).toList();
		Classifiers classifiers = categoryClassifier(labelled, category, analyzer);
		try (TenantIndex index = TenantIndex.build("acme", DOCUMENTS, null, analyzer)) {
			Suggestion suggestion = new LabelSuggester(index, Map.of("category", category), 15, classifiers, analyzer)
				.suggest("vpn password expired", Set.of())
				.get("category");
			assertThat(suggestion.label()).isEqualTo("Access");
			assertThat(suggestion.method()).isEqualTo(Suggestion.CLASSIFIER);
			assertThat(suggestion.neighbours()).isZero();
		}
	}

	/** A category classifier trained on the documents, with their categories. */
	private static Classifiers categoryClassifier(List<Document> documents, Map<String, String> category,
			TextAnalyzer analyzer) {
		return Classifiers.train(documents.stream().map((document) -> analyzer.terms(document.text())).toList(),
				Map.of("category", documents.stream().map((document) -> category.get(document.id())).toList()));
	}

}
