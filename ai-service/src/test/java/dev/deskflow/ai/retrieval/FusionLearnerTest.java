package dev.deskflow.ai.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.deskflow.ai.Fixtures;
import dev.deskflow.ai.classify.LinearClassifier;
import dev.deskflow.ai.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FusionLearnerTest {

	private static final TextAnalyzer ANALYZER = TextAnalyzer.english();

	private static final Word2VecParameters SMALL = new Word2VecParameters(32, 5, 1, 3, 0.025, 1e-3, 7, 1);

	@Test
	void withoutAModelThereIsNothingToFuse() {
		Fusion fusion = FusionLearner.learn(List.of(new Document("1", "printer jam")), Map.of(), null, ANALYZER,
				LinearClassifier::topicSpace);
		assertThat(fusion).isEqualTo(Fusion.EQUAL);
	}

	@Test
	void learnsFromTheCategoriesWeightsThatRankHeldOutTicketsNoWorseThanPlainFusion() {
		List<Map<String, String>> train = Fixtures.rows("endava-tickets-train.csv");
		List<Map<String, String>> test = Fixtures.rows("endava-tickets-test.csv");
		List<Document> documents = train.stream()
			.map((row) -> new Document(row.get("ticket_id"), row.get("text")))
			.toList();
		Map<String, String> categories = new HashMap<>();
		train.forEach((row) -> categories.put(row.get("ticket_id"), row.get("category")));
		List<List<String>> terms = documents.stream().map((d) -> ANALYZER.terms(d.text())).toList();
		WordVectors model = new Word2VecTrainer().train(terms, SMALL);

		Fusion learned = FusionLearner.learn(documents, categories, model, ANALYZER, LinearClassifier::topicSpace);
		TopicSpace topics = LinearClassifier.topicSpace(terms,
				documents.stream().map((d) -> categories.get(d.id())).toList());

		try (TenantIndex plain = TenantIndex.build("acme", documents, model, ANALYZER);
				TenantIndex tuned = TenantIndex.build("acme", documents, model, ANALYZER, learned, topics)) {
			assertThat(meanReciprocalRank(tuned, test, categories))
				.isGreaterThanOrEqualTo(meanReciprocalRank(plain, test, categories));
		}
	}

	@Test
	void withoutLabelsLearnsFromKnownItemsAndLeavesTheTopicOut() {
		List<Document> documents = Fixtures.rows("hadoop-bugs-train.csv")
			.stream()
			.limit(400)
			.map((row) -> new Document(row.get("issue_id"), row.get("summary") + "\n" + row.get("description")))
			.toList();
		WordVectors model = new Word2VecTrainer()
			.train(documents.stream().map((d) -> ANALYZER.terms(d.text())).toList(), SMALL);

		Fusion fusion = FusionLearner.learn(documents, Map.of(), model, ANALYZER, (terms, labels) -> {
			throw new AssertionError("no labels: no topic space to train");
		});

		assertThat(fusion.topic()).isZero();
		assertThat(fusion.keyword() + fusion.semantic()).isEqualTo(1.0);
	}

	@Test
	void aZeroEmbeddingWeightRanksAsBm25() {
		List<Document> documents = Fixtures.rows("endava-tickets-train.csv")
			.stream()
			.map((row) -> new Document(row.get("ticket_id"), row.get("text")))
			.toList();
		WordVectors model = new Word2VecTrainer()
			.train(documents.stream().map((d) -> ANALYZER.terms(d.text())).toList(), SMALL);
		String query = Fixtures.rows("endava-tickets-test.csv").get(0).get("text");

		try (TenantIndex index = TenantIndex.build("acme", documents, model, ANALYZER, new Fusion(1, 0, 0), null)) {
			List<String> hybrid = ids(index.search(query, 10, Set.of(), Ranker.HYBRID));
			List<String> bm25 = ids(index.search(query, 10, Set.of(), Ranker.BM25));
			assertThat(hybrid).hasSize(10).isEqualTo(bm25);
		}
	}

	private static double meanReciprocalRank(TenantIndex index, List<Map<String, String>> queries,
			Map<String, String> categories) {
		double sum = 0;
		for (Map<String, String> query : queries) {
			List<String> ranked = ids(index.similar(query.get("text"), 10, Set.of()));
			for (int i = 0; i < ranked.size(); i++) {
				if (query.get("category").equals(categories.get(ranked.get(i)))) {
					sum += 1.0 / (i + 1);
					break;
				}
			}
		}
		return sum / queries.size();
	}

	private static List<String> ids(SearchResult result) {
		return result.matches().stream().map(Match::id).toList();
	}

}
