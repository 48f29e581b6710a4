package dev.deskflow.ai.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a document scores
 * {@code Σ 1 / (k + rank)} over the rankings that list it. It needs no score calibration
 * between BM25 and cosine and no weight to fit, which is why it is the default;
 * {@code k = 60} is the paper's constant, not a tuned value.
 */
final class ReciprocalRankFusion {

	static final int DEFAULT_K = 60;

	private final int k;

	ReciprocalRankFusion(int k) {
		if (k < 0) {
			throw new IllegalArgumentException("k must not be negative");
		}
		this.k = k;
	}

	/**
	 * @param rankings each ranking best first
	 * @return {@link #fuse(List, double[])} with every ranking weighing 1
	 */
	List<Fused> fuse(List<List<Hit>> rankings) {
		double[] weights = new double[rankings.size()];
		Arrays.fill(weights, 1);
		return fuse(rankings, weights);
	}

	/**
	 * @param rankings each ranking best first
	 * @param weights each ranking's weight
	 * @return every listed document with its fused score and its 1-based rank in each
	 * ranking ({@code null} where absent), best first; ties go to the better best rank,
	 * then to the earlier ranking's order
	 */
	List<Fused> fuse(List<List<Hit>> rankings, double[] weights) {
		Map<String, Fused> fused = new LinkedHashMap<>();
		for (int r = 0; r < rankings.size(); r++) {
			List<Hit> ranking = rankings.get(r);
			for (int position = 0; position < ranking.size(); position++) {
				String id = ranking.get(position).id();
				Fused entry = fused.computeIfAbsent(id, (key) -> new Fused(key, rankings.size()));
				if (entry.ranks[r] == null) {
					entry.ranks[r] = position + 1;
					entry.score += weights[r] / (this.k + position + 1);
				}
			}
		}
		List<Fused> result = new ArrayList<>(fused.values());
		sort(result);
		return result;
	}

	/**
	 * @param fused entries whose scores changed
	 */
	static void sort(List<Fused> fused) {
		fused.sort(Comparator.comparingDouble((Fused f) -> -f.score).thenComparingInt(Fused::bestRank));
	}

	/**
	 * A document's fused score and ranks.
	 */
	static final class Fused {

		final String id;

		final Integer[] ranks;

		double score;

		Fused(String id, int rankings) {
			this.id = id;
			this.ranks = new Integer[rankings];
		}

		int bestRank() {
			int best = Integer.MAX_VALUE;
			for (Integer rank : this.ranks) {
				if (rank != null && rank < best) {
					best = rank;
				}
			}
			return best;
		}

	}

}
