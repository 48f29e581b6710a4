package dev.deskflow.ai.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import dev.deskflow.ai.classify.Classifiers;
import dev.deskflow.ai.classify.LinearClassifier;
import dev.deskflow.ai.classify.TfIdfFeatures;
import dev.deskflow.ai.retrieval.Document;
import dev.deskflow.ai.retrieval.Fusion;
import dev.deskflow.ai.retrieval.FusionLearner;
import dev.deskflow.ai.retrieval.Match;
import dev.deskflow.ai.retrieval.Ranker;
import dev.deskflow.ai.retrieval.TenantIndex;
import dev.deskflow.ai.retrieval.TopicSpace;
import dev.deskflow.ai.retrieval.Word2VecParameters;
import dev.deskflow.ai.retrieval.Word2VecTrainer;
import dev.deskflow.ai.retrieval.WordVectors;
import dev.deskflow.ai.suggest.LabelSuggester;
import dev.deskflow.ai.suggest.Suggestion;
import dev.deskflow.ai.text.TextAnalyzer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./deskflow ai-eval --train TRAIN.csv --test TEST.csv [--duplicates PAIRS.csv]
 * [--seed N] [--workers N]}: runs the retrieval and suggestion code of ai-service on
 * ticket files, without servers, and prints one JSON object with the figures as the last
 * line of stdout (progress goes to stderr).
 * <p>
 * Train and test tickets are indexed together; every test ticket queries the index
 * (itself excluded), relevant being the tickets of the same topic ({@code category}, or
 * {@code category/sub_category1/sub_category2} for Endava's original layout). With gold
 * duplicate pairs (Hadoop) every indexed ticket that has a gold partner queries instead,
 * since the pairs are few and retrieval uses no labels. Category and priority are
 * predicted for test tickets from the train tickets only; Word2Vec is trained on the
 * train tickets only.
 * <p>
 * With one worker (the default) the figures are reproducible for a seed;
 * {@code --workers N} trains faster but not reproducibly. Timings vary between runs by
 * nature.
 */
public final class EvaluationCommand {

	private static final String USAGE = """
			usage: ai-eval --train TRAIN.csv --test TEST.csv [--duplicates PAIRS.csv] [--seed N] [--workers N]
			  layouts (recognised by the header): endava-tickets, endava-original, hadoop-bugs
			  --duplicates  gold pairs issue_id,duplicate_of (hadoop-bugs retrieval relevance)
			  --seed        Word2Vec seed (default 42)
			  --workers     Word2Vec threads (default 1: reproducible; more is faster but not)""";

	private static final int PROGRESS_EVERY = 1000;

	private EvaluationCommand() {
	}

	/**
	 * @param args the command line
	 */
	public static void main(String[] args) {
		// DL4J and ND4J log through SLF4J; keep their chatter off stdout, whose last line
		// is the result
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "dev/deskflow/ai/eval/ai-eval-logback.xml");
		}
		int code = run(args, System.out, System.err);
		System.out.flush();
		// ND4J leaves non-daemon threads behind: end the JVM explicitly
		System.exit(code);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		try {
			Options options = Options.parse(args);
			if (options == null) {
				out.println(USAGE);
				return 0;
			}
			ObjectNode result = new Evaluation(options, err).run();
			out.println(JsonMapper.builder().build().writeValueAsString(result));
			return 0;
		}
		catch (EvaluationException ex) {
			err.println("ai-eval: " + ex.getMessage());
			if (ex.exitCode() == EvaluationException.USAGE) {
				err.println(USAGE);
			}
			return ex.exitCode();
		}
		catch (IOException ex) {
			err.println("ai-eval: cannot read input: " + ex.getMessage());
			return EvaluationException.NO_INPUT;
		}
	}

	record Options(Path train, Path test, Path duplicates, long seed, int workers) {

		static Options parse(String[] args) throws EvaluationException {
			Map<String, String> values = new HashMap<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("-h") || arg.equals("--help")) {
					return null;
				}
				if (!Set.of("--train", "--test", "--duplicates", "--seed", "--workers").contains(arg)) {
					throw new EvaluationException(EvaluationException.USAGE, "unknown argument " + arg);
				}
				if (i + 1 >= args.length) {
					throw new EvaluationException(EvaluationException.USAGE, arg + " needs a value");
				}
				values.put(arg, args[++i]);
			}
			if (!values.containsKey("--train") || !values.containsKey("--test")) {
				throw new EvaluationException(EvaluationException.USAGE, "--train and --test are required");
			}
			try {
				long seed = Long.parseLong(values.getOrDefault("--seed", "" + Word2VecParameters.DEFAULT_SEED));
				int workers = Integer.parseInt(values.getOrDefault("--workers", "1"));
				if (workers < 1) {
					throw new EvaluationException(EvaluationException.USAGE, "--workers must be at least 1");
				}
				return new Options(Path.of(values.get("--train")), Path.of(values.get("--test")),
						values.containsKey("--duplicates") ? Path.of(values.get("--duplicates")) : null, seed, workers);
			}
			catch (NumberFormatException ex) {
				throw new EvaluationException(EvaluationException.USAGE, "not a number: " + ex.getMessage());
			}
		}

	}

	/**
	 * One run of the evaluation.
	 */
	static final class Evaluation {

		private final Options options;

		private final PrintStream progress;

		private final long started = System.nanoTime();

		Evaluation(Options options, PrintStream progress) {
			this.options = options;
			this.progress = progress;
		}

		ObjectNode run() throws IOException, EvaluationException {
			TicketFile trainFile = TicketFile.read(this.options.train());
			TicketFile testFile = TicketFile.read(this.options.test());
			if (trainFile.layout() != testFile.layout()) {
				throw new EvaluationException(EvaluationException.DATA, "train is " + trainFile.layout().id()
						+ " but test is " + testFile.layout().id() + ": both files must share one layout");
			}
			Layout layout = trainFile.layout();
			List<Ticket> train = trainFile.tickets();
			Set<String> trainIds = new HashSet<>();
			train.forEach((ticket) -> trainIds.add(ticket.id()));
			List<Ticket> test = testFile.tickets()
				.stream()
				.filter((ticket) -> !trainIds.contains(ticket.id()))
				.toList();
			log("%s: %d train, %d test tickets (%d duplicate ids dropped, %d test tickets also in train dropped)",
					layout.id(), train.size(), test.size(), trainFile.duplicateIds() + testFile.duplicateIds(),
					testFile.tickets().size() - test.size());
			if (train.isEmpty() || test.isEmpty()) {
				throw new EvaluationException(EvaluationException.DATA, "train and test need at least one ticket each");
			}

			TextAnalyzer analyzer = TextAnalyzer.english();
			List<List<String>> trainTerms = new ArrayList<>(train.size());
			train.forEach((ticket) -> trainTerms.add(analyzer.terms(ticket.text())));
			Word2VecParameters parameters = Word2VecParameters.reproducible(this.options.seed())
				.withWorkers(this.options.workers());
			log("training Word2Vec (%s)", parameters);
			WordVectors model = new Word2VecTrainer().train(trainTerms, parameters);
			if (model == null) {
				log("no term occurs often enough to train Word2Vec: keyword-only");
			}
			else {
				log("trained: %d terms, %.1f s, %.0f words/s", model.vocabularySize(), model.stats().seconds(),
						model.stats().wordsPerSecond());
			}

			List<Document> all = new ArrayList<>(train.size() + test.size());
			List<Document> trainDocuments = new ArrayList<>(train.size());
			train.forEach((ticket) -> trainDocuments.add(new Document(ticket.id(), ticket.text())));
			all.addAll(trainDocuments);
			test.forEach((ticket) -> all.add(new Document(ticket.id(), ticket.text())));
			ObjectNode result = JsonMapper.builder().build().createObjectNode();
			Map<String, Map<String, String>> labels = labels(train);
			Classifiers classifiers = trainClassifiers(trainTerms, train, labels);
			// as a training job does: the topic classifier chooses its setting once, and
			// the fusion learner trains its own topic space with that setting
			LinearClassifier topicClassifier = topicClassifier(train, trainTerms, classifiers);
			Fusion fusion = learnFusion(train, trainDocuments, model, analyzer,
					(topicClassifier != null) ? topicClassifier.topicTrainer() : LinearClassifier::topicSpace);
			TopicSpace topics = (fusion.topic() > 0 && topicClassifier != null) ? topicClassifier.asTopicSpace() : null;
			Map<String, String> known = new HashMap<>();
			train.forEach((ticket) -> {
				if (ticket.topic() != null) {
					known.put(ticket.id(), ticket.topic());
				}
			});
			log("indexing %d tickets", all.size());
			try (TenantIndex index = TenantIndex.build("evaluation", all, model, analyzer, fusion, topics, known);
					TenantIndex trainIndex = TenantIndex.build("evaluation-train", trainDocuments, model, analyzer)) {
				result.put("layout", layout.id());
				result.put("train", train.size());
				result.put("test", test.size());
				retrieval(result, layout, train, test, index);
				ObjectNode weights = ((ObjectNode) result.get("methods").get("hybrid")).putObject("fusion");
				weights.put("keyword", fusion.keyword());
				weights.put("semantic", fusion.semantic());
				weights.put("topic", fusion.topic());
				weights.put("diversity", fusion.diversity());
				suggestions(result, layout, test, trainIndex, labels, classifiers);
			}
			ObjectNode training = result.putObject("training");
			training.put("seconds", (model != null) ? round(model.stats().seconds()) : null);
			training.put("wordsPerSecond", (model != null) ? Math.round(model.stats().wordsPerSecond()) : null);
			training.put("words", (model != null) ? model.stats().words() : 0);
			training.put("vocabulary", (model != null) ? model.vocabularySize() : 0);
			training.put("seed", this.options.seed());
			training.put("workers", this.options.workers());
			training.put("reproducible", this.options.workers() == 1);
			ObjectNode latency = (ObjectNode) result.remove("latencyMs");
			result.set("latencyMs", latency);
			log("done in %.1f s", (System.nanoTime() - this.started) / 1e9);
			return result;
		}

		private void retrieval(ObjectNode result, Layout layout, List<Ticket> train, List<Ticket> test,
				TenantIndex index) throws IOException, EvaluationException {
			Map<String, Set<String>> gold = goldPairs(layout, index);
			Map<String, Integer> topicCounts = new HashMap<>();
			for (List<Ticket> part : List.of(train, test)) {
				part.forEach((ticket) -> {
					if (ticket.topic() != null) {
						topicCounts.merge(ticket.topic(), 1, Integer::sum);
						this.topics.put(ticket.id(), ticket.topic());
					}
				});
			}
			Map<Ranker, RankingMetrics> metrics = new LinkedHashMap<>();
			List<Ranker> rankers = index.hasModel() ? List.of(Ranker.BM25, Ranker.WORD2VEC, Ranker.HYBRID)
					: List.of(Ranker.BM25, Ranker.HYBRID);
			rankers.forEach((ranker) -> metrics.put(ranker, new RankingMetrics()));
			List<Double> latencies = new ArrayList<>();
			// Gold duplicate pairs are few: every indexed ticket with a gold partner
			// queries (train
			// ones too; retrieval uses no labels), otherwise each test ticket queries.
			List<Ticket> queries = test;
			if (gold != null && !gold.isEmpty()) {
				queries = new ArrayList<>();
				for (List<Ticket> part : List.of(train, test)) {
					for (Ticket ticket : part) {
						if (gold.containsKey(ticket.id())) {
							queries.add(ticket);
						}
					}
				}
			}
			List<Ticket> asked = new ArrayList<>();
			List<Integer> relevantCounts = new ArrayList<>();
			for (Ticket query : queries) {
				int relevantCount = (gold != null) ? gold.getOrDefault(query.id(), Set.of()).size()
						: (query.topic() != null) ? topicCounts.get(query.topic()) - 1 : 0;
				if (relevantCount > 0) {
					asked.add(query);
					relevantCounts.add(relevantCount);
				}
			}
			for (Ranker ranker : rankers) {
				// the hybrid's latency is measured, so its queries go one at a time; the
				// single rankers' results only count, so their queries share the cores
				boolean timed = ranker == Ranker.HYBRID;
				log("retrieval: %d queries with %s%s", asked.size(), ranker, timed ? ", one at a time" : "");
				IntStream indexes = IntStream.range(0, asked.size());
				AtomicInteger answered = new AtomicInteger();
				List<List<String>> rankings = (timed ? indexes : indexes.parallel()).mapToObj((i) -> {
					Ticket query = asked.get(i);
					long t0 = System.nanoTime();
					List<Match> matches = index.search(query.text(), RankingMetrics.CUTOFF, Set.of(query.id()), ranker)
						.matches();
					if (timed) {
						latencies.add((System.nanoTime() - t0) / 1e6);
					}
					int count = answered.incrementAndGet();
					if (count % PROGRESS_EVERY == 0) {
						log("retrieval: %d queries with %s", count, ranker);
					}
					return matches.stream().map(Match::id).toList();
				}).toList();
				for (int i = 0; i < asked.size(); i++) {
					Ticket query = asked.get(i);
					Set<String> relevant = (gold != null) ? gold.get(query.id()) : null;
					metrics.get(ranker)
						.add(rankings.get(i),
								(gold != null) ? relevant::contains : (id) -> query.topic().equals(topic(id)),
								relevantCounts.get(i));
				}
			}
			int done = asked.size();
			result.put("queries", done);
			ObjectNode methods = result.putObject("methods");
			for (Ranker ranker : List.of(Ranker.BM25, Ranker.WORD2VEC, Ranker.HYBRID)) {
				ObjectNode method = methods.putObject(ranker.name().toLowerCase(Locale.ROOT));
				RankingMetrics m = metrics.get(ranker);
				method.put("recall@1", (m != null) ? round(m.recallAt1()) : null);
				method.put("recall@10", (m != null) ? round(m.recallAt10()) : null);
				method.put("mrr@10", (m != null) ? round(m.mrrAt10()) : null);
				method.put("ndcg@10", (m != null) ? round(m.ndcgAt10()) : null);
			}
			if (!index.hasModel()) {
				((ObjectNode) methods.get("hybrid")).put("keywordOnly", true);
			}
			ObjectNode latency = result.putObject("latencyMs");
			latency.put("p50", round(percentile(latencies, 50)));
			latency.put("p95", round(percentile(latencies, 95)));
			latency.put("indexSize", index.size());
		}

		private final Map<String, String> topics = new HashMap<>();

		private String topic(String id) {
			return this.topics.get(id);
		}

		private Map<String, Set<String>> goldPairs(Layout layout, TenantIndex index)
				throws IOException, EvaluationException {
			if (this.options.duplicates() == null) {
				if (layout == Layout.HADOOP_BUGS) {
					log("hadoop-bugs without --duplicates: no relevance judgements, retrieval figures are null");
					return Map.of();
				}
				return null;
			}
			Map<String, Set<String>> gold = new HashMap<>();
			for (String[] pair : TicketFile.readPairs(this.options.duplicates())) {
				if (!pair[0].equals(pair[1]) && index.contains(pair[0]) && index.contains(pair[1])) {
					gold.computeIfAbsent(pair[0], (key) -> new HashSet<>()).add(pair[1]);
					gold.computeIfAbsent(pair[1], (key) -> new HashSet<>()).add(pair[0]);
				}
			}
			log("%d tickets have a gold duplicate in the index", gold.size());
			return gold;
		}

		/**
		 * The topic classifier: the category classifier where the topic is the category
		 * (endava-tickets), which is then trained once, not twice.
		 * @return the classifier, {@code null} when no train ticket has a topic
		 */
		private LinearClassifier topicClassifier(List<Ticket> train, List<List<String>> trainTerms,
				Classifiers classifiers) {
			if (train.stream().allMatch((ticket) -> ticket.topic() == null)) {
				return null;
			}
			LinearClassifier category = classifiers.forField("category");
			if (category != null
					&& train.stream().allMatch((ticket) -> Objects.equals(ticket.topic(), ticket.category()))) {
				log("the topic is the category: its classifier serves as the topic classifier");
				return category;
			}
			long t0 = System.nanoTime();
			LinearClassifier topicClassifier = LinearClassifier.train(TfIdfFeatures.fit(trainTerms), trainTerms,
					train.stream().map(Ticket::topic).toList());
			log("trained the topic classifier in %.1f s", (System.nanoTime() - t0) / 1e9);
			return topicClassifier;
		}

		/**
		 * @return per suggested field (category, priority), the train tickets' labels by
		 * id; a field no train ticket has is left out
		 */
		private static Map<String, Map<String, String>> labels(List<Ticket> train) {
			Map<String, Map<String, String>> labels = new LinkedHashMap<>();
			Map<String, String> categories = new HashMap<>();
			Map<String, String> priorities = new HashMap<>();
			for (Ticket ticket : train) {
				if (ticket.category() != null) {
					categories.put(ticket.id(), ticket.category());
				}
				if (ticket.priority() != null) {
					priorities.put(ticket.id(), ticket.priority());
				}
			}
			if (!categories.isEmpty()) {
				labels.put("category", categories);
			}
			if (!priorities.isEmpty()) {
				labels.put("priority", priorities);
			}
			return labels;
		}

		private void suggestions(ObjectNode result, Layout layout, List<Ticket> test, TenantIndex trainIndex,
				Map<String, Map<String, String>> labels, Classifiers classifiers) {
			LabelSuggester suggester = new LabelSuggester(trainIndex, labels, LabelSuggester.DEFAULT_NEIGHBOURS,
					classifiers, TextAnalyzer.english());
			Map<String, ClassificationMetrics> metrics = new LinkedHashMap<>();
			labels.keySet()
				.forEach((field) -> metrics.put(field, new ClassificationMetrics(suggester.majority(field).label())));
			double confidenceSum = 0;
			this.methods.clear();
			int done = 0;
			if (!labels.isEmpty()) {
				for (Ticket ticket : test) {
					Map<String, Suggestion> suggestions = suggester.suggest(ticket.text(), Set.of(ticket.id()));
					if (metrics.containsKey("category")) {
						metrics.get("category").add(ticket.category(), suggestions.get("category").label());
						confidenceSum += suggestions.get("category").confidence();
					}
					suggestions.forEach((field, suggestion) -> this.methods.put(field, suggestion.method()));
					if (metrics.containsKey("priority")) {
						metrics.get("priority").add(ticket.priority(), suggestions.get("priority").label());
					}
					if (++done % PROGRESS_EVERY == 0) {
						log("suggestions: %d tickets", done);
					}
				}
			}
			log("suggestions: %d tickets", done);
			ObjectNode category = classification(result, "category", metrics.get("category"),
					(layout != Layout.HADOOP_BUGS) ? "category" : null, classifiers.forField("category"));
			if (metrics.containsKey("category") && done > 0) {
				category.put("meanConfidence", round(confidenceSum / done));
			}
			classification(result, "priority", metrics.get("priority"), switch (layout) {
				case ENDAVA_ORIGINAL -> "urgency";
				case HADOOP_BUGS -> "priority";
				case ENDAVA_TICKETS -> null;
			}, classifiers.forField("priority"));
		}

		private Fusion learnFusion(List<Ticket> train, List<Document> trainDocuments, WordVectors model,
				TextAnalyzer analyzer, BiFunction<List<List<String>>, List<String>, TopicSpace> topicTrainer) {
			long t0 = System.nanoTime();
			Map<String, String> topicsById = new HashMap<>();
			train.forEach((ticket) -> {
				if (ticket.topic() != null) {
					topicsById.put(ticket.id(), ticket.topic());
				}
			});
			Fusion fusion = FusionLearner.learn(trainDocuments, topicsById, model, analyzer, topicTrainer);
			log("learned fusion %s in %.1f s", fusion, (System.nanoTime() - t0) / 1e9);
			return fusion;
		}

		private Classifiers trainClassifiers(List<List<String>> terms, List<Ticket> train,
				Map<String, Map<String, String>> labels) {
			long t0 = System.nanoTime();
			Map<String, List<String>> labelsByField = new LinkedHashMap<>();
			labels.forEach((field, byId) -> labelsByField.put(field,
					train.stream().map((ticket) -> byId.get(ticket.id())).toList()));
			Classifiers classifiers = Classifiers.train(terms, labelsByField);
			log("trained classifiers for %s in %.1f s", classifiers.fields(), (System.nanoTime() - t0) / 1e9);
			return classifiers;
		}

		private final Map<String, String> methods = new HashMap<>();

		private ObjectNode classification(ObjectNode result, String name, ClassificationMetrics metrics, String column,
				LinearClassifier classifier) {
			ObjectNode node = result.putObject(name);
			node.put("method", this.methods.get(name));
			boolean present = metrics != null && metrics.total() > 0;
			node.put("accuracy", present ? round(metrics.accuracy()) : null);
			node.put("macroF1", present ? round(metrics.macroF1()) : null);
			node.put("majority", present ? round(metrics.majority()) : null);
			node.put("column", column);
			// whether the trained classifier chose to read pairs of adjacent terms
			node.put("pairsOfTerms", (classifier != null) ? classifier.bigrams() : null);
			return node;
		}

		private void log(String format, Object... args) {
			this.progress.printf(Locale.ROOT, "[ai-eval %6.1fs] %s%n", (System.nanoTime() - this.started) / 1e9,
					String.format(Locale.ROOT, format, args));
		}

	}

	static double percentile(List<Double> values, int percentile) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static Double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		return Math.round(value * 10_000) / 10_000.0;
	}

}
