package dev.deskflow.ai.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.deskflow.ai.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TenantIndexTest {

	private static final TextAnalyzer ANALYZER = TextAnalyzer.english();

	private static final List<Document> ACME = List.of(
			new Document("acme-1", "Printer on floor 3 is out of toner and prints blank pages"),
			new Document("acme-2", "Cannot log in to VPN after password reset, access denied"),
			new Document("acme-3", "New laptop request for the onboarding of a new hire"),
			new Document("acme-4", "Outlook mailbox is full, please increase the storage quota"),
			new Document("acme-5", "VPN client disconnects every few minutes when working from home"));

	private static final List<Document> GLOBEX = List.of(
			new Document("globex-1", "Printer prints blank pages, toner replaced already"),
			new Document("globex-2", "VPN access denied after password change"));

	@Test
	void ranksTheDocumentOnTheExactTopicFirst() {
		try (TenantIndex index = TenantIndex.build("acme", ACME, null, ANALYZER)) {
			SearchResult result = index.similar("the printer prints blank pages", 3, Set.of());
			assertThat(result.matches()).isNotEmpty();
			Match first = result.matches().get(0);
			assertThat(first.id()).isEqualTo("acme-1");
			assertThat(first.rank()).isEqualTo(1);
			assertThat(first.sharedTerms()).contains("printer", "blank", "page");
			assertThat(first.sources()).containsExactly(Ranker.BM25);
			assertThat(first.similarity()).isNull();
		}
	}

	@Test
	void fallsBackToKeywordsWithAFlagWhenTheTenantHasNoModel() {
		try (TenantIndex index = TenantIndex.build("acme", ACME, null, ANALYZER)) {
			SearchResult result = index.search("vpn disconnects", 2, Set.of(), Ranker.HYBRID);
			assertThat(result.keywordOnly()).isTrue();
			assertThat(result.requested()).isEqualTo(Ranker.HYBRID);
			assertThat(result.used()).isEqualTo(Ranker.BM25);
			assertThat(result.matches()).extracting(Match::id).containsExactly("acme-5", "acme-2");
		}
	}

	@Test
	void neverReturnsTheExcludedTicketItself() {
		try (TenantIndex index = TenantIndex.build("acme", ACME, null, ANALYZER)) {
			List<Match> matches = index.similar(ACME.get(1).text(), 5, Set.of("acme-2")).matches();
			assertThat(matches).extracting(Match::id).doesNotContain("acme-2").first().isEqualTo("acme-5");
		}
	}

	@Test
	void aQueryOnOneTenantNeverReturnsAnotherTenantsIds() {
		try (TenantIndex acme = TenantIndex.build("acme", ACME, null, ANALYZER);
				TenantIndex globex = TenantIndex.build("globex", GLOBEX, null, ANALYZER)) {
			for (Document document : GLOBEX) {
				assertThat(acme.similar(document.text(), 10, Set.of()).matches()).isNotEmpty()
					.allSatisfy((match) -> assertThat(match.id()).startsWith("acme-"));
			}
			for (Document document : ACME) {
				assertThat(globex.similar(document.text(), 10, Set.of()).matches())
					.allSatisfy((match) -> assertThat(match.id()).startsWith("globex-"));
			}
			assertThat(acme.tenant()).isEqualTo("acme");
			assertThat(globex.contains("acme-1")).isFalse();
		}
	}

	@Test
	void aDocumentsKnownLabelOutweighsTheTopicSpacesGuessForIt() {
		// the topic space guesses "hardware" only for texts that mention a printer; staff
		// filed the laptop request under hardware, which the guess would miss
		TopicSpace topics = new TopicSpace() {

			@Override
			public double[] distribution(List<String> terms) {
				return terms.contains("printer") ? new double[] { 1, 0 } : new double[] { 0, 1 };
			}

			@Override
			public double[] known(String label) {
				return "hardware".equals(label) ? new double[] { 1, 0 } : null;
			}

		};
		WordVectors model = new Word2VecTrainer().train(ACME.stream().map((d) -> ANALYZER.terms(d.text())).toList(),
				new Word2VecParameters(8, 2, 1, 1, 0.025, 1e-3, 7, 1));
		Fusion fusion = new Fusion(1, 0, 8);
		String query = "printer or laptop for the new hire";
		try (TenantIndex guessed = TenantIndex.build("acme", ACME, model, ANALYZER, fusion, topics);
				TenantIndex known = TenantIndex.build("acme", ACME, model, ANALYZER, fusion, topics,
						Map.of("acme-3", "hardware", "acme-5", "network"))) {
			Match withGuess = match(guessed.similar(query, 5, Set.of()), "acme-3");
			Match withLabel = match(known.similar(query, 5, Set.of()), "acme-3");
			assertThat(withLabel.score() - withGuess.score()).isCloseTo(8.0 / 61, within(1e-9));
			assertThat(withLabel.rank()).isLessThan(withGuess.rank());
			// a label the topic space does not know falls back to its guess
			assertThat(match(known.similar("vpn", 5, Set.of()), "acme-5").score())
				.isEqualTo(match(guessed.similar("vpn", 5, Set.of()), "acme-5").score());
		}
	}

	@Test
	void withDiversityTheFirstResultsCoverTheQuerysOtherLikelyLabel() {
		List<Document> documents = List.of(new Document("h1", "printer toner empty, printer prints blank"),
				new Document("h2", "printer toner low on the printer"), new Document("h3", "printer toner smudges"),
				new Document("h4", "printer toner cartridge"),
				new Document("n1", "network printer unreachable over the vpn"));
		Map<String, String> labels = Map.of("h1", "hardware", "h2", "hardware", "h3", "hardware", "h4", "hardware",
				"n1", "network");
		TopicSpace topics = new TopicSpace() {

			@Override
			public double[] distribution(List<String> terms) {
				return new double[] { 0.6, 0.4 };
			}

			@Override
			public double[] known(String label) {
				return "hardware".equals(label) ? new double[] { 1, 0 } : new double[] { 0, 1 };
			}

		};
		WordVectors model = new Word2VecTrainer().train(
				documents.stream().map((d) -> ANALYZER.terms(d.text())).toList(),
				new Word2VecParameters(8, 2, 1, 1, 0.025, 1e-3, 7, 1));
		String query = "printer toner";
		try (TenantIndex plain = TenantIndex.build("acme", documents, model, ANALYZER, new Fusion(1, 0, 4, 0), topics,
				labels);
				TenantIndex diverse = TenantIndex.build("acme", documents, model, ANALYZER, new Fusion(1, 0, 4, 1),
						topics, labels)) {
			List<String> byScore = plain.similar(query, 5, Set.of()).matches().stream().map(Match::id).toList();
			List<Match> covering = diverse.similar(query, 5, Set.of()).matches();
			assertThat(byScore).hasSize(5).last().isEqualTo("n1");
			assertThat(covering).extracting(Match::id)
				.containsExactly(byScore.get(0), "n1", byScore.get(1), byScore.get(2), byScore.get(3));
			assertThat(covering).extracting(Match::rank).containsExactly(1, 2, 3, 4, 5);
			// a neighbours' vote takes the plain score order
			assertThat(diverse.nearest(query, 5, Set.of()).matches()).extracting(Match::id).isEqualTo(byScore);
		}
	}

	private static Match match(SearchResult result, String id) {
		return result.matches().stream().filter((m) -> m.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void answersEmptyForTextWithoutKnownTerms() {
		try (TenantIndex index = TenantIndex.build("acme", ACME, null, ANALYZER)) {
			assertThat(index.similar("", 5, Set.of()).matches()).isEmpty();
			assertThat(index.similar("zzzqqq xyzzy", 5, Set.of()).matches()).isEmpty();
		}
	}

}
