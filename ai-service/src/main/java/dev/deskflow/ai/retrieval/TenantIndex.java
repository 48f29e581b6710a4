package dev.deskflow.ai.retrieval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.deskflow.ai.text.TextAnalyzer;

/**
 * One tenant's searchable corpus: a BM25 index, and, once the tenant has a Word2Vec
 * model, document vectors, fused by reciprocal rank fusion. An instance never holds
 * another tenant's documents, so a query can only ever return this tenant's ids.
 * <p>
 * Built once from a snapshot of the corpus and immutable afterwards: every method is safe
 * to call from many threads. Building analyses the documents and computes their vectors
 * and label distributions side by side on the machine's cores (the common fork-join
 * pool), with the same result as one after the other. A changed corpus or a new model
 * means a new instance, swapped in atomically by the caller.
 */
public final class TenantIndex implements AutoCloseable {

	/** How deep each ranker's list goes before fusion. */
	static final int CANDIDATES = 100;

	private static final int MAX_SHARED_TERMS = 10;

	private final String tenant;

	private final TextAnalyzer analyzer;

	private final Map<String, Set<String>> termSets;

	private final Map<String, Double> idf;

	private final Bm25Ranker bm25;

	private final EmbeddingRanker embeddings;

	private final WordVectors model;

	private final ReciprocalRankFusion rrf = new ReciprocalRankFusion(ReciprocalRankFusion.DEFAULT_K);

	private final Fusion fusion;

	private final TopicSpace topics;

	private final Map<String, double[]> topicById;

	private TenantIndex(String tenant, TextAnalyzer analyzer, Map<String, List<String>> termsById, WordVectors model,
			Fusion fusion, TopicSpace topics, Map<String, String> labels) {
		this.tenant = tenant;
		this.fusion = fusion;
		boolean useTopics = topics != null && fusion.topic() > 0;
		this.topics = useTopics ? topics : null;
		this.topicById = new HashMap<>();
		if (useTopics) {
			List<Map.Entry<String, List<String>>> entries = new ArrayList<>(termsById.entrySet());
			List<double[]> distributions = entries.parallelStream()
				.map((entry) -> topicOf(topics, labels.get(entry.getKey()), entry.getValue()))
				.toList();
			for (int i = 0; i < entries.size(); i++) {
				this.topicById.put(entries.get(i).getKey(), distributions.get(i));
			}
		}
		this.analyzer = analyzer;
		this.termSets = new LinkedHashMap<>();
		termsById.forEach((id, terms) -> this.termSets.put(id, Set.copyOf(terms)));
		this.idf = Idf.of(termsById.values());
		this.bm25 = new Bm25Ranker(termsById);
		this.model = model;
		this.embeddings = (model != null) ? new EmbeddingRanker(termsById, this.idf, model) : null;
	}

	/**
	 * @param tenant the tenant the documents belong to
	 * @param documents the tenant's documents; ids must be unique
	 * @param model the tenant's Word2Vec, or {@code null} before one exists
	 * (keyword-only)
	 * @param analyzer the analysis the model was trained with
	 * @return the index
	 */
	public static TenantIndex build(String tenant, List<Document> documents, WordVectors model, TextAnalyzer analyzer) {
		return build(tenant, documents, model, analyzer, Fusion.EQUAL, null);
	}

	/**
	 * @param tenant the tenant the documents belong to
	 * @param documents the tenant's documents; ids must be unique
	 * @param model the tenant's Word2Vec, or {@code null} before one exists
	 * (keyword-only)
	 * @param analyzer the analysis the model was trained with
	 * @param fusion how the hybrid ranking weighs its signals
	 * @param topics the tenant's label distributions, or {@code null} for none
	 * @return the index
	 */
	public static TenantIndex build(String tenant, List<Document> documents, WordVectors model, TextAnalyzer analyzer,
			Fusion fusion, TopicSpace topics) {
		return build(tenant, documents, model, analyzer, fusion, topics, Map.of());
	}

	/**
	 * @param tenant the tenant the documents belong to
	 * @param documents the tenant's documents; ids must be unique
	 * @param model the tenant's Word2Vec, or {@code null} before one exists
	 * (keyword-only)
	 * @param analyzer the analysis the model was trained with
	 * @param fusion how the hybrid ranking weighs its signals
	 * @param topics the tenant's label distributions, or {@code null} for none
	 * @param labels the labels staff gave documents, by id: such a document's
	 * distribution is its label (label propagation), the others' the topic space's guess
	 * @return the index
	 */
	public static TenantIndex build(String tenant, List<Document> documents, WordVectors model, TextAnalyzer analyzer,
			Fusion fusion, TopicSpace topics, Map<String, String> labels) {
		Objects.requireNonNull(tenant, "tenant");
		// analysed side by side on the machine's cores, in the documents' order
		List<List<String>> analysed = documents.parallelStream()
			.map((document) -> analyzer.terms(document.text()))
			.toList();
		Map<String, List<String>> termsById = new LinkedHashMap<>();
		for (int i = 0; i < documents.size(); i++) {
			if (termsById.put(documents.get(i).id(), analysed.get(i)) != null) {
				throw new IllegalArgumentException("Duplicate document id " + documents.get(i).id());
			}
		}
		return new TenantIndex(tenant, analyzer, termsById, model, Objects.requireNonNull(fusion, "fusion"), topics,
				Objects.requireNonNull(labels, "labels"));
	}

	private static double[] topicOf(TopicSpace topics, String label, List<String> terms) {
		double[] known = (label != null) ? topics.known(label) : null;
		return (known != null) ? known : topics.distribution(terms);
	}

	/**
	 * @param tenant the tenant
	 * @param termsById documents already analysed, by id
	 * @param model the Word2Vec
	 * @param analyzer the analysis queries get
	 * @return a keyword/embedding index with plain RRF
	 */
	static TenantIndex ofTerms(String tenant, Map<String, List<String>> termsById, WordVectors model,
			TextAnalyzer analyzer) {
		return new TenantIndex(tenant, analyzer, termsById, model, Fusion.EQUAL, null, Map.of());
	}

	/**
	 * @return the tenant this index belongs to
	 */
	public String tenant() {
		return this.tenant;
	}

	/**
	 * @return number of documents
	 */
	public int size() {
		return this.termSets.size();
	}

	/**
	 * @return whether the embedding ranker takes part
	 */
	public boolean hasModel() {
		return this.embeddings != null;
	}

	/**
	 * @return the model, or {@code null}
	 */
	public WordVectors model() {
		return this.model;
	}

	/**
	 * @param id a document id
	 * @return whether this index holds it
	 */
	public boolean contains(String id) {
		return this.termSets.containsKey(id);
	}

	/**
	 * The hybrid search, or keyword-only with {@link SearchResult#keywordOnly()} set when
	 * there is no model.
	 * @param text a ticket's or a draft's text
	 * @param k how many matches
	 * @param excluded ids never to return (the ticket itself)
	 * @return the matches
	 */
	public SearchResult similar(String text, int k, Set<String> excluded) {
		return search(text, k, excluded, Ranker.HYBRID);
	}

	/**
	 * @param text a ticket's or a draft's text
	 * @param k how many matches
	 * @param excluded ids never to return
	 * @param ranker the ranking wanted; without a model every ranking falls back to BM25
	 * @return the matches
	 */
	public SearchResult search(String text, int k, Set<String> excluded, Ranker ranker) {
		List<String> terms = this.analyzer.terms(text);
		Set<String> skip = (excluded != null) ? excluded : Set.of();
		Ranker used = (this.embeddings == null) ? Ranker.BM25 : ranker;
		float[] queryVector = (this.embeddings != null) ? this.embeddings.embed(terms) : null;
		List<Match> matches = switch (used) {
			case BM25 -> single(this.bm25.search(terms, k, skip), Ranker.BM25, terms, queryVector);
			case WORD2VEC -> single(this.embeddings.search(terms, k, skip), Ranker.WORD2VEC, terms, queryVector);
			case HYBRID -> hybrid(terms, queryVector, Math.max(k, 1), skip, true);
		};
		return new SearchResult(matches, ranker, used, this.embeddings == null);
	}

	/**
	 * The hybrid ranking in plain score order: what a vote of the nearest neighbours
	 * takes, where results chosen to cover the query's other likely labels
	 * ({@link Fusion#diversity()}) would only add votes for labels the query probably
	 * does not have.
	 * @param text a ticket's or a draft's text
	 * @param k how many neighbours
	 * @param excluded ids never to return
	 * @return the neighbours; keyword-only without a model
	 */
	public SearchResult nearest(String text, int k, Set<String> excluded) {
		if (this.embeddings == null) {
			return search(text, k, excluded, Ranker.HYBRID);
		}
		List<String> terms = this.analyzer.terms(text);
		List<Match> matches = hybrid(terms, this.embeddings.embed(terms), Math.max(k, 1),
				(excluded != null) ? excluded : Set.of(), false);
		return new SearchResult(matches, Ranker.HYBRID, Ranker.HYBRID, false);
	}

	private List<Match> single(List<Hit> hits, Ranker ranker, List<String> terms, float[] queryVector) {
		List<Match> matches = new ArrayList<>(hits.size());
		for (int i = 0; i < hits.size(); i++) {
			Hit hit = hits.get(i);
			Integer rank = i + 1;
			matches.add(new Match(hit.id(), rank, hit.score(), (ranker == Ranker.BM25) ? rank : null,
					(ranker == Ranker.WORD2VEC) ? rank : null, similarity(queryVector, hit.id()),
					sharedTerms(terms, hit.id()), EnumSet.of(ranker)));
		}
		return matches;
	}

	private List<Match> hybrid(List<String> terms, float[] queryVector, int k, Set<String> skip, boolean covering) {
		List<ReciprocalRankFusion.Fused> fused = fuse(terms, skip, this.fusion, Math.max(k, CANDIDATES),
				covering ? k : 0);
		List<Match> matches = new ArrayList<>(Math.min(k, fused.size()));
		for (ReciprocalRankFusion.Fused entry : fused) {
			if (matches.size() == k) {
				break;
			}
			Set<Ranker> sources = EnumSet.noneOf(Ranker.class);
			if (entry.ranks[0] != null) {
				sources.add(Ranker.BM25);
			}
			if (entry.ranks[1] != null) {
				sources.add(Ranker.WORD2VEC);
			}
			matches.add(new Match(entry.id, matches.size() + 1, entry.score, entry.ranks[0], entry.ranks[1],
					similarity(queryVector, entry.id), sharedTerms(terms, entry.id), sources));
		}
		return matches;
	}

	private List<ReciprocalRankFusion.Fused> fuse(List<String> terms, Set<String> skip, Fusion weights, int depth,
			int chosen) {
		List<Hit> keyword = this.bm25.search(terms, depth, skip);
		// a ranking with no weight cannot move a score: a tenant whose learned weights
		// leave Word2Vec out does not pay for its scan
		List<Hit> semantic = (weights.semantic() > 0) ? this.embeddings.search(terms, depth, skip) : List.of();
		List<ReciprocalRankFusion.Fused> fused = this.rrf.fuse(List.of(keyword, semantic));
		double[] query = (this.topics != null && weights.topic() > 0) ? this.topics.distribution(terms) : null;
		for (ReciprocalRankFusion.Fused entry : fused) {
			entry.score = weights.score(entry.ranks[0], entry.ranks[1], agreement(query, entry.id));
		}
		ReciprocalRankFusion.sort(fused);
		return (query != null && weights.diversity() > 0 && chosen > 0) ? diversify(fused, query, weights, chosen)
				: fused;
	}

	/**
	 * @return the fused list with its first {@code k} chosen by {@link TopicSelection}
	 * (scored as they were chosen), the rest in score order after them
	 */
	private List<ReciprocalRankFusion.Fused> diversify(List<ReciprocalRankFusion.Fused> fused, double[] query,
			Fusion weights, int k) {
		int n = fused.size();
		double[] ranks = new double[n];
		double[][] documents = new double[n][];
		for (int i = 0; i < n; i++) {
			ReciprocalRankFusion.Fused entry = fused.get(i);
			ranks[i] = weights.ranks(entry.ranks[0], entry.ranks[1]);
			documents[i] = this.topicById.get(entry.id);
		}
		double[] scores = new double[Math.min(k, n)];
		int[] order = TopicSelection.select(ranks, documents, query, weights, k, scores);
		List<ReciprocalRankFusion.Fused> result = new ArrayList<>(n);
		boolean[] taken = new boolean[n];
		for (int position = 0; position < order.length; position++) {
			ReciprocalRankFusion.Fused entry = fused.get(order[position]);
			entry.score = scores[position];
			result.add(entry);
			taken[order[position]] = true;
		}
		for (int i = 0; i < n; i++) {
			if (!taken[i]) {
				result.add(fused.get(i));
			}
		}
		return result;
	}

	/**
	 * @param query the query's label distribution, {@code null} without one
	 * @param id a document
	 * @return the dot product of the query's and the document's label distributions, 0
	 * without a topic space
	 */
	private double agreement(double[] query, String id) {
		return (query != null) ? TopicSelection.agreement(query, this.topicById.get(id)) : 0;
	}

	/**
	 * The hybrid's candidates for a query with their signals, for learning the fusion
	 * weights without querying again for each setting.
	 * @param terms the query's terms
	 * @param skip ids never to return
	 * @return the query's label distribution and each candidate's ranks and labels
	 */
	Candidates candidates(List<String> terms, Set<String> skip) {
		double[] query = (this.topics != null) ? this.topics.distribution(terms) : null;
		List<Candidate> candidates = new ArrayList<>();
		for (ReciprocalRankFusion.Fused entry : fuse(terms, skip, Fusion.EQUAL, CANDIDATES, 0)) {
			candidates.add(new Candidate(entry.id, entry.ranks[0], entry.ranks[1], agreement(query, entry.id),
					(query != null) ? this.topicById.get(entry.id) : null));
		}
		return new Candidates(query, candidates);
	}

	/**
	 * A query's hybrid candidates.
	 *
	 * @param query the query's label distribution, {@code null} without a topic space
	 * @param list the candidates, in plain RRF order
	 */
	record Candidates(double[] query, List<Candidate> list) {
	}

	/**
	 * One hybrid candidate's signals.
	 *
	 * @param id the document
	 * @param bm25Rank its keyword rank, {@code null} when absent
	 * @param word2vecRank its embedding rank, {@code null} when absent
	 * @param agreement its label agreement with the query, 0 without a topic space
	 * @param topics its label distribution, {@code null} without one
	 */
	record Candidate(String id, Integer bm25Rank, Integer word2vecRank, double agreement, double[] topics) {
	}

	private Double similarity(float[] queryVector, String id) {
		return (this.embeddings != null && queryVector != null) ? this.embeddings.similarity(queryVector, id) : null;
	}

	private List<String> sharedTerms(List<String> queryTerms, String id) {
		Set<String> documentTerms = this.termSets.getOrDefault(id, Set.of());
		Set<String> shared = new HashSet<>(queryTerms);
		shared.retainAll(documentTerms);
		List<String> ordered = new ArrayList<>(shared);
		ordered.sort(Comparator.comparingDouble((String term) -> -this.idf.getOrDefault(term, 0.0))
			.thenComparing(Comparator.naturalOrder()));
		return Collections.unmodifiableList(ordered.subList(0, Math.min(MAX_SHARED_TERMS, ordered.size())));
	}

	@Override
	public void close() {
		this.bm25.close();
	}

}
