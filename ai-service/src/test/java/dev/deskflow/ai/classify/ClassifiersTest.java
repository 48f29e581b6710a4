package dev.deskflow.ai.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
		// a reason is one of the text's terms, or a pair of adjacent ones
		assertThat(prediction.terms()).isNotEmpty()
			.allSatisfy((term) -> assertThat(TfIdfFeatures.withBigrams(terms)).contains(term));
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
		for (String label : CLASSIFIERS.forField("category").labels()) {
			assertThat(read.forField("category").examples(label))
				.isEqualTo(CLASSIFIERS.forField("category").examples(label));
		}
		for (Map<String, String> row : TEST) {
			List<String> terms = ANALYZER.terms(row.get("text"));
			assertThat(read.forField("category").predict(terms))
				.isEqualTo(CLASSIFIERS.forField("category").predict(terms));
		}
	}

	@Test
	void countsTheDocumentsOfEachLabelItWasTrainedOn() {
		LinearClassifier classifier = CLASSIFIERS.forField("category");
		Map<String, Integer> counts = new HashMap<>();
		for (Map<String, String> row : TRAIN) {
			if (!CLASSIFIERS.features().vector(ANALYZER.terms(row.get("text")), false).isEmpty()) {
				counts.merge(row.get("category"), 1, Integer::sum);
			}
		}
		assertThat(classifier.labels()).hasSameSizeAs(counts.keySet());
		counts.forEach((label, count) -> assertThat(classifier.examples(label)).as(label).isEqualTo(count));
		assertThat(classifier.examples("no such category")).isZero();
	}

	@Test
	void readsClassifiersOfTheFirstFormatWithoutTheirCounts() throws IOException {
		LinearClassifier classifier = CLASSIFIERS.forField("category");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			// format 1: as format 2, without each label's count
			out.writeInt(0x4446434C);
			out.writeInt(1);
			out.writeInt(CLASSIFIERS.features().size());
			for (int f = 0; f < CLASSIFIERS.features().size(); f++) {
				out.writeUTF(CLASSIFIERS.features().term(f));
				out.writeFloat(CLASSIFIERS.features().idf(f));
			}
			out.writeInt(1);
			out.writeUTF("category");
			out.writeInt(classifier.labels().size());
			for (int c = 0; c < classifier.labels().size(); c++) {
				out.writeUTF(classifier.labels().get(c));
				out.writeFloat(classifier.bias()[c]);
				for (float weight : classifier.weights()[c]) {
					out.writeFloat(weight);
				}
			}
		}
		Classifiers read = Classifiers.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

		String label = classifier.labels().get(0);
		assertThat(read.forField("category").examples(label)).isEqualTo(-1);
		assertThat(read.forField("category").examples("no such category")).isZero();
		List<String> terms = ANALYZER.terms(TEST.get(0).get("text"));
		// formats 1 and 2 read terms alone
		assertThat(read.forField("category").predict(terms))
			.isEqualTo(classifier.predict(CLASSIFIERS.features().vector(terms, false)));
	}

	@Test
	void readsPairsOfTermsWhenOnlyTheirOrderTellsTheLabels() {
		LinearClassifier classifier = trainedOnWordOrder(new ArrayList<>(), new ArrayList<>());

		assertThat(classifier.bigrams()).isTrue();
		assertThat(classifier.predict(List.of("door", "access", "card", "today")).label()).isEqualTo("badge");
		assertThat(classifier.predict(List.of("door", "card", "access", "today")).label()).isEqualTo("permissions");
	}

	@Test
	void trainsTopicSpacesOnASampleWithTheSettingItsOwnSelectionChose() {
		List<List<String>> documents = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		LinearClassifier classifier = trainedOnWordOrder(documents, labels);
		// a sample too small for a selection of its own, which would read terms alone
		List<List<String>> sample = documents.subList(0, 40);
		List<String> sampleLabels = labels.subList(0, 40);
		List<String> badge = List.of("door", "access", "card", "today");
		List<String> permissions = List.of("door", "card", "access", "today");

		TopicSpace inherited = classifier.topicTrainer().apply(sample, sampleLabels);
		TopicSpace chosenAgain = LinearClassifier.topicSpace(sample, sampleLabels);

		// labels in order: badge, permissions
		assertThat(inherited.distribution(badge)[0]).isGreaterThan(0.5);
		assertThat(inherited.distribution(permissions)[1]).isGreaterThan(0.5);
		assertThat(chosenAgain.distribution(badge)).containsExactly(chosenAgain.distribution(permissions),
				within(1e-9));
	}

	@Test
	void aClassifierReadFromAFileTrainsTopicSpacesByChoosingAgain() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CLASSIFIERS.write(new DataOutputStream(bytes));
		LinearClassifier read = Classifiers.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))
			.forField("category");
		List<List<String>> documents = terms(TRAIN);
		List<String> labels = TRAIN.stream().map((row) -> row.get("category")).toList();
		List<String> query = ANALYZER.terms(TEST.get(3).get("text"));

		assertThat(read.topicTrainer().apply(documents, labels).distribution(query))
			.containsExactly(LinearClassifier.topicSpace(documents, labels).distribution(query), within(1e-12));
	}

	// 200 tickets of two labels with the same words; only "access card" against "card
	// access" tells them apart, which terms alone cannot. Fills the lists, returns the
	// category classifier trained on them.
	private static LinearClassifier trainedOnWordOrder(List<List<String>> documents, List<String> labels) {
		Random random = new Random(7);
		List<String> filler = List.of("office", "floor", "today", "urgent", "laptop", "colleague", "please", "door");
		for (int i = 0; i < 200; i++) {
			boolean card = i % 2 == 0;
			List<String> terms = new ArrayList<>();
			terms.add(filler.get(random.nextInt(filler.size())));
			terms.addAll(card ? List.of("access", "card") : List.of("card", "access"));
			terms.add(filler.get(random.nextInt(filler.size())));
			documents.add(terms);
			labels.add(card ? "badge" : "permissions");
		}
		return Classifiers.train(documents, Map.of("category", labels)).forField("category");
	}

	@Test
	void tellsTheShareOfItsTrainingDoneAfterEachCandidateOfEachField() {
		List<Double> shares = new ArrayList<>();
		Map<String, List<String>> labels = new LinkedHashMap<>();
		labels.put("category", TRAIN.stream().map((row) -> row.get("category")).toList());
		labels.put("priority", TRAIN.stream().map((row) -> (String) null).toList());

		Classifiers.train(terms(TRAIN), labels, shares::add);

		// the category is the first half: twelve candidates, then the final training
		// (1/13 each); the priority, without labels, trains nothing and ends the whole
		List<Double> expected = new ArrayList<>();
		for (int candidate = 1; candidate <= 12; candidate++) {
			expected.add(candidate / 13.0 / 2);
		}
		expected.addAll(List.of(0.5, 0.5, 1.0));
		assertThat(shares).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(shares.get(i)).as("report %d", i).isCloseTo(expected.get(i), within(1e-12));
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
