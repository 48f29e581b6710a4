package dev.deskflow.ai.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.deskflow.ai.Fixtures;
import dev.deskflow.ai.retrieval.TopicSpace;
import dev.deskflow.ai.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassifiersTest {

	private static final TextAnalyzer ANALYZER = TextAnalyzer.english();

	private static final List<Map<String, String>> TRAIN = Fixtures.rows("endava-tickets-train.csv");

	private static final List<Map<String, String>> TEST = Fixtures.rows("endava-tickets-test.csv");

	private static final Classifiers CLASSIFIERS = Classifiers.train(terms(TRAIN),
			Map.of("category", TRAIN.stream().map((row) -> row.get("category")).toList()));

	@Test
	void predictsHeldOutFixtureTicketsFarBetterThanTheMajorityClass() {
		LinearClassifier classifier = CLASSIFIERS.forField("category");
		Map<String, Integer> counts = new HashMap<>();
		int correct = 0;
		for (Map<String, String> row : TEST) {
			counts.merge(row.get("category"), 1, Integer::sum);
			if (classifier.predict(ANALYZER.terms(row.get("text"))).label().equals(row.get("category"))) {
				correct++;
			}
		}
		double majority = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow()
				/ (double) TEST.size();
		assertThat(correct / (double) TEST.size()).isGreaterThan(majority + 0.15);
	}

	@Test
	void givesADistributionWhoseWinnerIsTheConfidenceAndExplainsItWithTheTextsTerms() {
		List<String> terms = ANALYZER.terms(TEST.get(0).get("text"));
		LinearClassifier.Prediction prediction = CLASSIFIERS.forField("category").predict(terms);

		assertThat(Arrays.stream(prediction.probabilities()).sum()).isCloseTo(1.0, within(1e-9));
		assertThat(prediction.confidence()).isEqualTo(Arrays.stream(prediction.probabilities()).max().orElseThrow());
		assertThat(CLASSIFIERS.forField("category").labels()).contains(prediction.label());
		assertThat(prediction.terms()).isNotEmpty().allSatisfy((term) -> assertThat(terms).contains(term));
	}

	@Test
	void itsTopicSpaceTakesAKnownLabelForCertainAndLeavesAnUnknownOneToTheGuess() {
		LinearClassifier classifier = CLASSIFIERS.forField("category");
		TopicSpace topics = classifier.asTopicSpace();
		String label = TEST.get(0).get("category");

		double[] known = topics.known(label);
		assertThat(known).hasSameSizeAs(topics.distribution(ANALYZER.terms(TEST.get(0).get("text"))));
		assertThat(known[classifier.labels().indexOf(label)]).isEqualTo(1.0);
		assertThat(Arrays.stream(known).sum()).isEqualTo(1.0);
		assertThat(topics.known("no such category")).isNull();
	}

	@Test
	void readsBackWhatItWroteWithIdenticalPredictions() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			CLASSIFIERS.write(out);
		}
		Classifiers read = Classifiers.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

		assertThat(read.fields()).containsExactly("category");
		for (Map<String, String> row : TEST) {
			List<String> terms = ANALYZER.terms(row.get("text"));
			assertThat(read.forField("category").predict(terms))
				.isEqualTo(CLASSIFIERS.forField("category").predict(terms));
		}
	}

	@Test
	void trainsNoClassifierForAFieldWithFewerThanTwoLabels() {
		List<String> oneLabel = TRAIN.stream().map((row) -> "same").toList();
		List<String> none = TRAIN.stream().map((row) -> (String) null).toList();

		Classifiers classifiers = Classifiers.train(terms(TRAIN), Map.of("priority", oneLabel, "category", none));

		assertThat(classifiers.fields()).isEmpty();
		assertThat(classifiers.forField("priority")).isNull();
	}

	@Test
	void trainsTheSameClassifierTwice() {
		Classifiers again = Classifiers.train(terms(TRAIN),
				Map.of("category", TRAIN.stream().map((row) -> row.get("category")).toList()));
		List<String> terms = ANALYZER.terms(TEST.get(1).get("text"));
		assertThat(again.forField("category").predict(terms))
			.isEqualTo(CLASSIFIERS.forField("category").predict(terms));
	}

	private static List<List<String>> terms(List<Map<String, String>> rows) {
		return rows.stream().map((row) -> ANALYZER.terms(row.get("text"))).toList();
	}

}
