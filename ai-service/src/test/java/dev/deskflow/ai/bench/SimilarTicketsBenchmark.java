package dev.deskflow.ai.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.deskflow.ai.classify.LinearClassifier;
import dev.deskflow.ai.classify.TfIdfFeatures;
import dev.deskflow.ai.retrieval.Document;
import dev.deskflow.ai.retrieval.Fusion;
import dev.deskflow.ai.retrieval.FusionLearner;
import dev.deskflow.ai.retrieval.Ranker;
import dev.deskflow.ai.retrieval.TenantIndex;
import dev.deskflow.ai.retrieval.TopicSpace;
import dev.deskflow.ai.retrieval.Word2VecParameters;
import dev.deskflow.ai.retrieval.Word2VecTrainer;
import dev.deskflow.ai.retrieval.WordVectors;
import dev.deskflow.ai.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 100k-ticket figures of the ai-service issue (not part of {@code ./mvnw verify}:
 * Surefire runs {@code *Test} classes). Run: {@code ./mvnw -B -pl ai-service test
 * -Dtest=SimilarTicketsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.jvm.args=-Xmx3g}. Prints, and writes to
 * {@code target/benchmark-similar-tickets.txt}:
 * <ul>
 * <li>Word2Vec training words/second on the first {@value #TRAINED} synthetic tickets
 * (default parameters, 2 workers);</li>
 * <li>the time to learn the fusion weights and the category classifier on them, and to
 * index all {@value #TICKETS} tickets of one tenant;</li>
 * <li>p50/p95 of a similar-ticket query (hybrid with the learned weights and the topic
 * space, and each ranker alone) over {@value #QUERIES} queries after {@value #WARM_UP}
 * warm-up queries.</li>
 * </ul>
 * The tickets are synthesised from the module's fixtures ({@link SyntheticTickets}).
 */
class SimilarTicketsBenchmark {

	static final int TICKETS = 100_000;

	static final int TRAINED = 20_000;

	static final int WARM_UP = 300;

	static final int QUERIES = 1_000;

	private final TextAnalyzer analyzer = TextAnalyzer.english();

	@Test
	void similarTicketsAt100k() throws IOException {
		SyntheticTickets synthetic = new SyntheticTickets(new Random(42));
		List<Document> documents = new ArrayList<>(TICKETS);
		Map<String, String> categories = new HashMap<>();
		for (int i = 0; i < TICKETS; i++) {
			String[] ticket = synthetic.next();
			String id = "t" + i;
			documents.add(new Document(id, ticket[0]));
			categories.put(id, ticket[1]);
		}
		List<Document> trained = documents.subList(0, TRAINED);
		List<List<String>> trainedTerms = trained.stream().map((d) -> this.analyzer.terms(d.text())).toList();

		WordVectors model = new Word2VecTrainer().train(trainedTerms,
				Word2VecParameters.reproducible(42).withWorkers(2));
		// as a training job: the category classifier chooses its setting, and the fusion
		// learner trains its own topic space with that setting
		long t0 = System.nanoTime();
		LinearClassifier classifier = LinearClassifier.train(TfIdfFeatures.fit(trainedTerms), trainedTerms,
				trained.stream().map((d) -> categories.get(d.id())).toList());
		TopicSpace topics = classifier.asTopicSpace();
		double classifierSeconds = seconds(t0);
		t0 = System.nanoTime();
		Fusion fusion = FusionLearner.learn(trained, categories, model, this.analyzer, classifier.topicTrainer());
		double fusionSeconds = seconds(t0);
		t0 = System.nanoTime();
		StringBuilder report = new StringBuilder();
		// as the service indexes solved tickets: their categories are known
		try (TenantIndex index = TenantIndex.build("bench", documents, model, this.analyzer, fusion, topics,
				categories)) {
			double indexSeconds = seconds(t0);
			assertThat(index.size()).isEqualTo(TICKETS);
			report.append(String.format(Locale.ROOT,
					"tickets %d (synthesised from the module fixtures), one tenant%n"
							+ "word2vec: %d tickets, %d words, %d terms, %.1f s, %.0f words/s (%s)%n"
							+ "fusion learned in %.1f s: %s; category classifier %.1f s; index of %d built in %.1f s%n",
					TICKETS, TRAINED, model.stats().words(), model.vocabularySize(), model.stats().seconds(),
					model.stats().wordsPerSecond(), model.parameters(), fusionSeconds, fusion, classifierSeconds,
					TICKETS, indexSeconds));
			for (Ranker ranker : List.of(Ranker.HYBRID, Ranker.BM25, Ranker.WORD2VEC)) {
				double[] latencies = measure(index, documents, ranker, new Random(7));
				report.append(String.format(Locale.ROOT, "%-8s p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d queries)%n",
						ranker, SyntheticTickets.percentile(latencies, 50), SyntheticTickets.percentile(latencies, 95),
						SyntheticTickets.percentile(latencies, 99), QUERIES));
			}
		}
		report.append(String.format(Locale.ROOT, "available processors %d, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
		System.out.print(report);
		Files.writeString(Path.of("target", "benchmark-similar-tickets.txt"), report, StandardCharsets.UTF_8);
	}

	private double[] measure(TenantIndex index, List<Document> documents, Ranker ranker, Random random) {
		double[] latencies = new double[QUERIES];
		for (int i = 0; i < WARM_UP + QUERIES; i++) {
			Document query = documents.get(random.nextInt(documents.size()));
			long t0 = System.nanoTime();
			int found = index.search(query.text(), 10, Set.of(query.id()), ranker).matches().size();
			if (i >= WARM_UP) {
				latencies[i - WARM_UP] = (System.nanoTime() - t0) / 1e6;
			}
			assertThat(found).isPositive();
		}
		return latencies;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
