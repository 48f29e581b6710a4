package dev.deskflow.ai.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The embedding ranker: each document is the IDF-weighted mean of its terms' Word2Vec
 * vectors, centred on the corpus mean and normalised; a query is embedded the same way
 * and compared with every document by cosine (an exact search over one contiguous
 * {@code float[]}, row after row: 100,000 × 100 floats is 40 MB and a few milliseconds
 * per query, no approximate index needed yet).
 * <p>
 * Centring removes the direction every averaged vector shares (frequent words pull all
 * means towards it), which otherwise makes all cosines high and alike — the usual fix for
 * averaged word vectors ("all-but-the-top", SIF's common-component removal), not a fitted
 * setting.
 * <p>
 * Immutable after construction; searches are thread-safe.
 */
final class EmbeddingRanker {

	private final WordVectors vectors;

	private final Map<String, Double> idf;

	private final float[] mean;

	private final String[] ids;

	private final int dims;

	/** The documents' unit vectors, row after row ({@link #dims} floats each). */
	private final float[] matrix;

	private final Map<String, Integer> rows = new HashMap<>();

	EmbeddingRanker(Map<String, List<String>> termsById, Map<String, Double> idf, WordVectors vectors) {
		this.vectors = vectors;
		this.idf = idf;
		int dims = vectors.dimensions();
		this.dims = dims;
		this.ids = new String[termsById.size()];
		List<Map.Entry<String, List<String>>> entries = new ArrayList<>(termsById.entrySet());
		// the means side by side; the sum below in the documents' order, as it always was
		float[][] raw = entries.parallelStream().map((entry) -> weightedMean(entry.getValue())).toArray(float[][]::new);
		double[] sum = new double[dims];
		int row = 0;
		int embedded = 0;
		for (Map.Entry<String, List<String>> entry : entries) {
			this.ids[row] = entry.getKey();
			this.rows.put(entry.getKey(), row);
			if (raw[row] != null) {
				for (int d = 0; d < dims; d++) {
					sum[d] += raw[row][d];
				}
				embedded++;
			}
			row++;
		}
		this.mean = new float[dims];
		for (int d = 0; d < dims && embedded > 0; d++) {
			this.mean[d] = (float) (sum[d] / embedded);
		}
		this.matrix = new float[raw.length * dims];
		for (int i = 0; i < raw.length; i++) {
			System.arraycopy(centreAndNormalise(raw[i]), 0, this.matrix, i * dims, dims);
		}
	}

	// A term the corpus has never seen weighs like one that occurs once: it is rare.
	private double idf(String term) {
		Double weight = this.idf.get(term);
		return (weight != null) ? weight : Math.log(1.0 + this.ids.length) + 1.0;
	}

	private float[] weightedMean(List<String> terms) {
		int dims = this.vectors.dimensions();
		double[] acc = new double[dims];
		double total = 0;
		for (String term : terms) {
			float[] vector = this.vectors.vector(term);
			if (vector == null) {
				continue;
			}
			double weight = idf(term);
			for (int d = 0; d < dims; d++) {
				acc[d] += weight * vector[d];
			}
			total += weight;
		}
		if (total == 0) {
			return null;
		}
		float[] mean = new float[dims];
		for (int d = 0; d < dims; d++) {
			mean[d] = (float) (acc[d] / total);
		}
		return mean;
	}

	private float[] centreAndNormalise(float[] vector) {
		int dims = this.vectors.dimensions();
		float[] out = new float[dims];
		if (vector == null) {
			return out;
		}
		double norm = 0;
		for (int d = 0; d < dims; d++) {
			out[d] = vector[d] - this.mean[d];
			norm += (double) out[d] * out[d];
		}
		norm = Math.sqrt(norm);
		if (norm == 0) {
			return out;
		}
		for (int d = 0; d < dims; d++) {
			out[d] = (float) (out[d] / norm);
		}
		return out;
	}

	/**
	 * @param terms analysed query terms
	 * @return the query's unit vector, or {@code null} when no term has a vector
	 */
	float[] embed(List<String> terms) {
		float[] mean = weightedMean(terms);
		return (mean != null) ? centreAndNormalise(mean) : null;
	}

	List<Hit> search(List<String> queryTerms, int k, Set<String> excluded) {
		float[] query = embed(queryTerms);
		List<Hit> hits = new ArrayList<>();
		if (query == null || k <= 0) {
			return hits;
		}
		Set<Integer> skipped = new HashSet<>();
		for (String id : excluded) {
			Integer row = this.rows.get(id);
			if (row != null) {
				skipped.add(row);
			}
		}
		int count = this.ids.length;
		float[] scores = new float[count];
		for (int i = 0; i < count; i++) {
			scores[i] = dot(this.matrix, i * this.dims, query);
		}
		// min-heap of the best k; ties go to the earlier document so results are
		// reproducible. A row enters only when it beats the heap's worst, so most rows
		// cost one comparison.
		Comparator<Integer> worstFirst = (a, b) -> {
			int byScore = Float.compare(scores[a], scores[b]);
			return (byScore != 0) ? byScore : Integer.compare(b, a);
		};
		PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, worstFirst);
		for (int i = 0; i < count; i++) {
			if (heap.size() == k && scores[i] <= scores[heap.peek()]) {
				continue; // an equal score loses to the earlier row already in the heap
			}
			if (skipped.contains(i)) {
				continue;
			}
			heap.add(i);
			if (heap.size() > k) {
				heap.poll();
			}
		}
		List<Integer> order = new ArrayList<>(heap);
		order.sort(worstFirst.reversed());
		for (int i : order) {
			hits.add(new Hit(this.ids[i], scores[i]));
		}
		return hits;
	}

	/**
	 * @param query a query's unit vector from {@link #embed}
	 * @param id a document id
	 * @return their cosine, or 0 when either has no vector
	 */
	double similarity(float[] query, String id) {
		Integer row = this.rows.get(id);
		return (query == null || row == null) ? 0 : dot(this.matrix, row * this.dims, query);
	}

	/**
	 * The dot product of a matrix row and the query, in four running sums: independent
	 * sums let the processor overlap the multiplications, which one running sum (each
	 * addition waiting for the last) does not.
	 */
	private static float dot(float[] matrix, int offset, float[] query) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int d = 0;
		int dims = query.length;
		for (; d + 3 < dims; d += 4) {
			s0 += matrix[offset + d] * query[d];
			s1 += matrix[offset + d + 1] * query[d + 1];
			s2 += matrix[offset + d + 2] * query[d + 2];
			s3 += matrix[offset + d + 3] * query[d + 3];
		}
		for (; d < dims; d++) {
			s0 += matrix[offset + d] * query[d];
		}
		return (s0 + s1) + (s2 + s3);
	}

}
