package dev.deskflow.ai.suggest;

import java.util.List;
import java.util.Map;
import java.util.Set;

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

}
