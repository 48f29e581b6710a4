package dev.deskflow.ai.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The keyword ranker: Lucene's BM25 (k1 = 1.2, b = 0.75, Lucene's defaults) over an
 * in-memory index of one corpus. Documents arrive already analysed by
 * {@code TextAnalyzer}, so Lucene only splits on the spaces we put between terms and both
 * rankers agree on what a term is.
 * <p>
 * Immutable after construction; searches are thread-safe ({@link IndexSearcher} is).
 */
final class Bm25Ranker implements AutoCloseable {

	private static final String ID = "id";

	private static final String TERMS = "terms";

	/**
	 * A long query (a pasted stack trace) is cut to its most distinctive terms: Lucene
	 * caps a boolean query's clauses, and the rare terms carry nearly all of BM25's score
	 * anyway.
	 */
	static final int MAX_QUERY_TERMS = 256;

	private final ByteBuffersDirectory directory;

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	Bm25Ranker(Map<String, List<String>> termsById) {
		this.directory = new ByteBuffersDirectory();
		IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
		config.setSimilarity(new BM25Similarity());
		config.setRAMBufferSizeMB(64);
		try (IndexWriter writer = new IndexWriter(this.directory, config)) {
			for (Map.Entry<String, List<String>> entry : termsById.entrySet()) {
				org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
				doc.add(new StringField(ID, entry.getKey(), Field.Store.NO));
				doc.add(new StoredField(ID, entry.getKey()));
				doc.add(new TextField(TERMS, String.join(" ", entry.getValue()), Field.Store.NO));
				writer.addDocument(doc);
			}
			writer.forceMerge(1);
			writer.commit();
			this.reader = DirectoryReader.open(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.searcher = new IndexSearcher(this.reader);
		this.searcher.setSimilarity(new BM25Similarity());
	}

	int size() {
		return this.reader.numDocs();
	}

	List<Hit> search(List<String> queryTerms, int k, Set<String> excluded) {
		List<Hit> hits = new ArrayList<>();
		if (queryTerms.isEmpty() || k <= 0) {
			return hits;
		}
		try {
			BooleanQuery query = buildQuery(queryTerms);
			if (query == null) {
				return hits;
			}
			TopDocs top = this.searcher.search(query, k + excluded.size());
			for (ScoreDoc scoreDoc : top.scoreDocs) {
				String id = this.searcher.storedFields().document(scoreDoc.doc).get(ID);
				if (!excluded.contains(id)) {
					hits.add(new Hit(id, scoreDoc.score));
					if (hits.size() == k) {
						break;
					}
				}
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Each distinct term once, boosted by how often the query repeats it: the same
	// ranking as
	// repeating the clause, with fewer clauses.
	private BooleanQuery buildQuery(List<String> queryTerms) throws IOException {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String term : queryTerms) {
			counts.merge(term, 1, Integer::sum);
		}
		List<Map.Entry<String, Integer>> known = new ArrayList<>();
		for (Map.Entry<String, Integer> entry : counts.entrySet()) {
			if (this.reader.docFreq(new Term(TERMS, entry.getKey())) > 0) {
				known.add(entry);
			}
		}
		if (known.isEmpty()) {
			return null;
		}
		if (known.size() > MAX_QUERY_TERMS) {
			Map<String, Integer> docFreq = new LinkedHashMap<>();
			for (Map.Entry<String, Integer> entry : known) {
				docFreq.put(entry.getKey(), this.reader.docFreq(new Term(TERMS, entry.getKey())));
			}
			known.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> docFreq.get(e.getKey()))
				.thenComparing(Map.Entry::getKey));
			known = known.subList(0, MAX_QUERY_TERMS);
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		for (Map.Entry<String, Integer> entry : known) {
			TermQuery term = new TermQuery(new Term(TERMS, entry.getKey()));
			builder.add((entry.getValue() > 1) ? new BoostQuery(term, entry.getValue()) : term, Occur.SHOULD);
		}
		return builder.build();
	}

	@Override
	public void close() {
		try {
			this.reader.close();
			this.directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
