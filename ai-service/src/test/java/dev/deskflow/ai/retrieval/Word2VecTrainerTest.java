package dev.deskflow.ai.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.deskflow.ai.Fixtures;
import dev.deskflow.ai.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Word2VecTrainerTest {

	private static final TextAnalyzer ANALYZER = TextAnalyzer.english();

	private final List<Map<String, String>> rows = Fixtures.rows("endava-tickets-train.csv");

	private final List<List<String>> corpus = this.rows.stream().map((row) -> ANALYZER.terms(row.get("text"))).toList();

	@Test
	void trainsTheSameVectorsTwiceForOneSeedWithOneWorker() {
		// the defaults with fewer dimensions and epochs, to keep the test fast
		Word2VecParameters parameters = new Word2VecParameters(50, 5, 2, 2, 0.025, 1e-3, 7, 1);
		WordVectors first = new Word2VecTrainer().train(this.corpus, parameters);
		WordVectors second = new Word2VecTrainer().train(this.corpus, parameters);

		assertThat(first.vocabularySize()).isGreaterThan(100).isEqualTo(second.vocabularySize());
		assertThat(first.dimensions()).isEqualTo(50);
		assertThat(first.stats().words()).isEqualTo(this.corpus.stream().mapToLong(List::size).sum());
		assertThat(first.stats().wordsPerSecond()).isPositive();
		for (String term : List.of("password", "laptop", "access", "pleas")) {
			assertThat(first.vector(term)).as(term).isNotNull().containsExactly(second.vector(term));
		}

		// the embedding and hybrid rankers work with the model, and explain themselves
		List<Document> documents = this.rows.stream()
			.map((row) -> new Document(row.get("ticket_id"), row.get("text")))
			.toList();
		try (TenantIndex index = TenantIndex.build("acme", documents, first, ANALYZER)) {
			Document probe = documents.get(0);
			SearchResult semantic = index.search(probe.text(), 5, Set.of(), Ranker.WORD2VEC);
			assertThat(semantic.keywordOnly()).isFalse();
			assertThat(semantic.matches().get(0).id()).isEqualTo(probe.id());
			assertThat(semantic.matches().get(0).similarity()).isGreaterThan(0.99);

			SearchResult hybrid = index.similar(probe.text(), 10, Set.of(probe.id()));
			assertThat(hybrid.used()).isEqualTo(Ranker.HYBRID);
			assertThat(hybrid.matches()).hasSize(10)
				.allSatisfy((match) -> assertThat(match.similarity()).isBetween(-1.0, 1.0))
				.extracting(Match::id)
				.doesNotContain(probe.id());
			assertThat(hybrid.matches().get(0).sources()).isNotEmpty();
			assertThat(hybrid.matches()).anySatisfy((match) -> assertThat(match.sources()).contains(Ranker.WORD2VEC));
		}
	}

	@Test
	void tellsTheShareOfEpochsDoneAfterEachEpoch() {
		Word2VecParameters parameters = new Word2VecParameters(20, 5, 2, 4, 0.025, 1e-3, 7, 1);
		List<Double> told = new ArrayList<>();

		WordVectors model = new Word2VecTrainer().train(this.corpus, parameters, told::add);

		assertThat(model).isNotNull();
		assertThat(told).containsExactly(0.25, 0.5, 0.75, 1.0);
	}

	@Test
	void answersNoModelForACorpusWithoutText() {
		assertThat(new Word2VecTrainer().train(List.of(List.of(), List.of()), Word2VecParameters.reproducible(1)))
			.isNull();
	}

}
