package dev.deskflow.ai.eval;

import java.util.List;
import java.util.function.Predicate;

/**
 * Accumulates recall@1, recall@10, MRR@10 and nDCG@10 over queries, with binary
 * relevance.
 * <p>
 * recall@k is {@code |relevant ∩ top k| / min(k, |relevant|)}: ordinary recall when a
 * query has few relevant tickets (a gold duplicate), and precision@k when it has
 * thousands (every ticket of the same topic), where plain recall@10 would be near zero
 * for every method. Also what the model registry evaluates a candidate with.
 */
public final class RankingMetrics {

	static final int CUTOFF = 10;

	private double recallAt1;

	private double recallAt10;

	private double reciprocalRank;

	private double ndcg;

	private int queries;

	/**
	 * @param ranked result ids, best first
	 * @param isRelevant which ids are relevant
	 * @param relevantCount how many relevant documents the index holds for this query
	 */
	public void add(List<String> ranked, Predicate<String> isRelevant, int relevantCount) {
		if (relevantCount <= 0) {
			return;
		}
		this.queries++;
		int hitsAt1 = 0;
		int hitsAt10 = 0;
		double dcg = 0;
		double firstRelevant = 0;
		for (int i = 0; i < Math.min(CUTOFF, ranked.size()); i++) {
			if (isRelevant.test(ranked.get(i))) {
				if (i == 0) {
					hitsAt1++;
				}
				hitsAt10++;
				dcg += 1.0 / log2(i + 2);
				if (firstRelevant == 0) {
					firstRelevant = 1.0 / (i + 1);
				}
			}
		}
		double idcg = 0;
		for (int i = 0; i < Math.min(CUTOFF, relevantCount); i++) {
			idcg += 1.0 / log2(i + 2);
		}
		this.recallAt1 += hitsAt1 / (double) Math.min(1, relevantCount);
		this.recallAt10 += hitsAt10 / (double) Math.min(CUTOFF, relevantCount);
		this.reciprocalRank += firstRelevant;
		this.ndcg += dcg / idcg;
	}

	public int queries() {
		return this.queries;
	}

	double recallAt1() {
		return mean(this.recallAt1);
	}

	double recallAt10() {
		return mean(this.recallAt10);
	}

	public double mrrAt10() {
		return mean(this.reciprocalRank);
	}

	double ndcgAt10() {
		return mean(this.ndcg);
	}

	private double mean(double sum) {
		return (this.queries == 0) ? Double.NaN : sum / this.queries;
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

}
