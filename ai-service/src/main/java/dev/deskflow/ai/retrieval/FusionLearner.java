package dev.deskflow.ai.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import dev.deskflow.ai.text.TextAnalyzer;

/**
 * Learns a tenant's {@link Fusion} weights from its own documents, as the service does on
 * a tenant's corpus: every fifth document (in the given order, at most
 * {@value #MAX_QUERIES}) becomes a validation query against an index of the others, and
 * the weights with the best MRR@10 on those queries win (ties keep plain RRF): the
 * keyword share, the topic weight and, with a topic, how far the first results cover the
 * query's other likely labels ({@link Fusion#diversity()}).
 * <p>
 * What is relevant depends on what the tenant has: with labels (categories) on both
 * sides, a document of the query's label, and the label agreement of a topic space
 * trained on the indexed part only takes part; without labels, a self-supervised
 * known-item task (the inverse cloze task): the query is the first half of a document's
 * terms and the one relevant document its second half, which rewards a ranker that finds
 * the same issue described in other words. No weight is set by hand.
 */
public final class FusionLearner {

	static final int MAX_QUERIES = 1000;

	private static final int VALIDATION_EVERY = 5;

	private static final int CUTOFF = 10;

	private static final double[] KEYWORD_SHARES = { 0.5, 0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1 };

	private static final double[] TOPIC_WEIGHTS = { 0, 0.5, 1, 2, 4, 8 };

	private static final double[] DIVERSITIES = { 0, 0.25, 0.5, 0.75, 1 };

	private FusionLearner() {
	}

	/**
	 * @param documents the tenant's documents
	 * @param labels each labelled document's label by id (may be empty)
	 * @param model the tenant's Word2Vec; without one there is nothing to fuse
	 * @param analyzer the analysis
	 * @param topicTrainer trains a topic space from documents' terms and labels
	 * ({@code null} labels for unlabelled ones); may return {@code null}
	 * @return the learned weights
	 */
	public static Fusion learn(List<Document> documents, Map<String, String> labels, WordVectors model,
			TextAnalyzer analyzer, BiFunction<List<List<String>>, List<String>, TopicSpace> topicTrainer) {
		if (model == null) {
			return Fusion.EQUAL;
		}
		List<Document> indexed = new ArrayList<>();
		List<Document> queries = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			boolean query = i % VALIDATION_EVERY == VALIDATION_EVERY - 1 && queries.size() < MAX_QUERIES;
			(query ? queries : indexed).add(documents.get(i));
		}
		boolean labelled = queries.stream().filter((d) -> labels.containsKey(d.id())).count() >= queries.size() / 2
				&& indexed.stream().map((d) -> labels.get(d.id())).filter(Objects::nonNull).distinct().count() >= 2;
		List<Query> validation = labelled ? labelled(indexed, queries, labels, model, analyzer, topicTrainer)
				: knownItems(indexed, queries, model, analyzer);
		return best(validation);
	}

	private static List<Query> labelled(List<Document> indexed, List<Document> queries, Map<String, String> labels,
			WordVectors model, TextAnalyzer analyzer,
			BiFunction<List<List<String>>, List<String>, TopicSpace> topicTrainer) {
		List<List<String>> terms = indexed.stream().map((d) -> analyzer.terms(d.text())).toList();
		TopicSpace topics = topicTrainer.apply(terms, indexed.stream().map((d) -> labels.get(d.id())).toList());
		Map<String, Long> perLabel = new HashMap<>();
		indexed.forEach((d) -> {
			if (labels.containsKey(d.id())) {
				perLabel.merge(labels.get(d.id()), 1L, Long::sum);
			}
		});
		// the indexed documents' labels are known, as a tenant's solved tickets' are
		Map<String, String> known = new HashMap<>();
		indexed.forEach((d) -> {
			if (labels.containsKey(d.id())) {
				known.put(d.id(), labels.get(d.id()));
			}
		});
		try (TenantIndex index = TenantIndex.build("fusion-learning", indexed, model, analyzer,
				new Fusion(1, 1, (topics != null) ? 1 : 0), topics, known)) {
			List<Document> asked = queries.stream().filter((query) -> {
				String label = labels.get(query.id());
				return label != null && perLabel.getOrDefault(label, 0L) > 0;
			}).toList();
			// the index answers queries concurrently; the list keeps the queries' order
			return IntStream.range(0, asked.size()).parallel().mapToObj((i) -> {
				String label = labels.get(asked.get(i).id());
				return Query.of(index.candidates(analyzer.terms(asked.get(i).text()), Set.of()),
						(id) -> label.equals(labels.get(id)));
			}).toList();
		}
	}

	private static List<Query> knownItems(List<Document> indexed, List<Document> queries, WordVectors model,
			TextAnalyzer analyzer) {
		Map<String, List<String>> corpus = new LinkedHashMap<>();
		indexed.forEach((d) -> corpus.put(d.id(), analyzer.terms(d.text())));
		List<List<String>> firstHalves = new ArrayList<>();
		List<Document> asked = new ArrayList<>();
		for (Document query : queries) {
			List<String> terms = analyzer.terms(query.text());
			if (terms.size() >= 4) {
				firstHalves.add(terms.subList(0, terms.size() / 2));
				corpus.put(query.id(), terms.subList(terms.size() / 2, terms.size()));
				asked.add(query);
			}
		}
		try (TenantIndex index = TenantIndex.ofTerms("fusion-learning", corpus, model, analyzer)) {
			return IntStream.range(0, asked.size())
				.parallel()
				.mapToObj((i) -> Query.of(index.candidates(firstHalves.get(i), Set.of()), asked.get(i).id()::equals))
				.toList();
		}
	}

	private static Fusion best(List<Query> validation) {
		boolean topics = validation.stream().anyMatch(Query::hasAgreement);
		List<Fusion> grid = new ArrayList<>();
		for (double topic : topics ? TOPIC_WEIGHTS : new double[] { 0 }) {
			for (double share : KEYWORD_SHARES) {
				for (double diversity : (topic > 0) ? DIVERSITIES : new double[] { 0 }) {
					grid.add(new Fusion(share, 1 - share, topic, diversity));
				}
			}
		}
		// each setting's sum in the queries' order, the settings side by side: the same
		// scores as one after the other
		double[] scores = grid.parallelStream().mapToDouble((fusion) -> {
			double score = 0;
			for (Query query : validation) {
				score += query.reciprocalRank(fusion);
			}
			return score;
		}).toArray();
		Fusion best = Fusion.EQUAL;
		double bestScore = -1;
		for (int i = 0; i < grid.size(); i++) {
			if (scores[i] > bestScore + 1e-9) {
				bestScore = scores[i];
				best = grid.get(i);
			}
		}
		return best;
	}

	/**
	 * One validation query's candidates, with which are relevant.
	 */
	private record Query(TenantIndex.Candidates candidates, boolean[] relevant) {

		static Query of(TenantIndex.Candidates candidates, Predicate<String> relevant) {
			boolean[] flags = new boolean[candidates.list().size()];
			for (int i = 0; i < flags.length; i++) {
				flags[i] = relevant.test(candidates.list().get(i).id());
			}
			return new Query(candidates, flags);
		}

		boolean hasAgreement() {
			return this.candidates.list().stream().anyMatch((c) -> c.agreement() > 0);
		}

		double reciprocalRank(Fusion fusion) {
			// as the index searches: with no Word2Vec weight it does not run that ranker,
			// so its candidates are only the keyword ranker's
			boolean keywordOnly = fusion.semantic() == 0;
			List<TenantIndex.Candidate> list = this.candidates.list();
			List<Integer> kept = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				if (!keywordOnly || list.get(i).bm25Rank() != null) {
					kept.add(i);
				}
			}
			List<Integer> order = (fusion.diversity() > 0 && this.candidates.query() != null) ? chosen(fusion, kept)
					: sorted(fusion, kept);
			for (int position = 0; position < Math.min(CUTOFF, order.size()); position++) {
				if (this.relevant[order.get(position)]) {
					return 1.0 / (position + 1);
				}
			}
			return 0;
		}

		private List<Integer> sorted(Fusion fusion, List<Integer> kept) {
			List<TenantIndex.Candidate> list = this.candidates.list();
			double[] scores = new double[list.size()];
			for (int i : kept) {
				TenantIndex.Candidate c = list.get(i);
				scores[i] = fusion.score(c.bm25Rank(), c.word2vecRank(), c.agreement());
			}
			List<Integer> order = new ArrayList<>(kept);
			order.sort((a, b) -> Double.compare(scores[b], scores[a]));
			return order;
		}

		private List<Integer> chosen(Fusion fusion, List<Integer> kept) {
			// the index sorts by score before it selects, and the selection's ties go to
			// the earlier entry: sort the same way first
			List<Integer> order = sorted(fusion, kept);
			double[] ranks = new double[order.size()];
			double[][] documents = new double[order.size()][];
			for (int j = 0; j < order.size(); j++) {
				TenantIndex.Candidate c = this.candidates.list().get(order.get(j));
				ranks[j] = fusion.ranks(c.bm25Rank(), c.word2vecRank());
				documents[j] = c.topics();
			}
			int[] picks = TopicSelection.select(ranks, documents, this.candidates.query(), fusion, CUTOFF,
					new double[CUTOFF]);
			List<Integer> result = new ArrayList<>(picks.length);
			for (int pick : picks) {
				result.add(order.get(pick));
			}
			return result;
		}

	}

}
