package dev.deskflow.ai.retrieval;

/**
 * Chooses the first half of a hybrid ranking's results (rounded up: 3 of 5, 5 of 10) for
 * the labels they cover when {@link Fusion#diversity()} is above 0 (intent-aware
 * selection): one at a time, each pick is the candidate with the best rank score plus
 * {@link Fusion#topicScale()} × its agreement with what is left of the query's label
 * distribution, and a pick of label distribution {@code d} leaves
 * {@code left[c] · (1 − diversity · d[c])} of each label {@code c}. The results after
 * them follow in plain score order, against the query's whole distribution again, so only
 * the top of the list is spent on the query's other likely labels. With a diversity of 0
 * the order is the plain score order throughout.
 */
final class TopicSelection {

	private TopicSelection() {
	}

	/**
	 * @param k how many results are asked for
	 * @return how many of the first of them are chosen for the labels they cover
	 */
	static int covering(int k) {
		return (k + 1) / 2;
	}

	/**
	 * @param ranks each candidate's weighted reciprocal ranks
	 * @param documents each candidate's label distribution, {@code null} for none
	 * @param query the query's label distribution
	 * @param fusion the weights
	 * @param k how many to choose
	 * @param scores receives each chosen candidate's score when it was chosen, by
	 * position
	 * @return the chosen candidates' indices, best first; ties go to the lower index
	 */
	static int[] select(double[] ranks, double[][] documents, double[] query, Fusion fusion, int k, double[] scores) {
		int n = ranks.length;
		double[] left = query.clone();
		double[] agreement = new double[n];
		for (int i = 0; i < n; i++) {
			agreement[i] = agreement(left, documents[i]);
		}
		double scale = fusion.topicScale();
		int covering = covering(k);
		boolean[] chosen = new boolean[n];
		int[] order = new int[Math.min(k, n)];
		for (int position = 0; position < order.length; position++) {
			int best = -1;
			double bestScore = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < n; i++) {
				double score = ranks[i] + scale * agreement[i];
				if (!chosen[i] && score > bestScore) {
					best = i;
					bestScore = score;
				}
			}
			chosen[best] = true;
			order[position] = best;
			scores[position] = bestScore;
			double[] picked = documents[best];
			if (position + 1 == covering && fusion.diversity() > 0) {
				for (int i = 0; i < n; i++) {
					agreement[i] = agreement(query, documents[i]);
				}
			}
			if (picked == null || fusion.diversity() == 0 || position + 1 >= covering) {
				continue;
			}
			for (int label = 0; label < left.length; label++) {
				double shown = left[label] * fusion.diversity() * picked[label];
				if (shown == 0) {
					continue;
				}
				left[label] -= shown;
				for (int i = 0; i < n; i++) {
					if (!chosen[i] && documents[i] != null) {
						agreement[i] -= shown * documents[i][label];
					}
				}
			}
		}
		return order;
	}

	/**
	 * @param query a query's label distribution
	 * @param document a document's, {@code null} for none
	 * @return their dot product, 0 without a document distribution
	 */
	static double agreement(double[] query, double[] document) {
		if (document == null) {
			return 0;
		}
		double dot = 0;
		for (int i = 0; i < query.length; i++) {
			dot += query[i] * document[i];
		}
		return dot;
	}

}
