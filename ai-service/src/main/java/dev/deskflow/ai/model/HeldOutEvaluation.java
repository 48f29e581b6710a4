package dev.deskflow.ai.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.eval.RankingMetrics;
import dev.deskflow.ai.retrieval.Document;
import dev.deskflow.ai.retrieval.Match;
import dev.deskflow.ai.retrieval.TenantIndex;

/**
 * How a candidate model is judged: a fixed slice of the tenant's solved tickets is held
 * out (every n-th categorised ticket in id order, so the same tickets each time), the
 * model is trained on the rest, and every held-out ticket queries an index of the rest; a
 * result is relevant when it has the same category. The score is MRR@10, the metric of
 * {@code ai-eval}. The active model and keyword-only retrieval are scored on the same
 * slice, so the comparison is fair even though the corpus grew since the active model was
 * trained.
 *
 * @param training the tickets a candidate is trained on and the index holds
 * @param heldOut the tickets that query
 */
record HeldOutEvaluation(List<CorpusDocument> training, List<CorpusDocument> heldOut) {

	static HeldOutEvaluation split(List<CorpusDocument> solved, double holdOut) {
		int every = (int) Math.max(2, Math.round(1 / holdOut));
		List<CorpusDocument> ordered = new ArrayList<>(solved);
		ordered.sort(Comparator.comparing(CorpusDocument::id));
		List<CorpusDocument> training = new ArrayList<>();
		List<CorpusDocument> heldOut = new ArrayList<>();
		int labelled = 0;
		for (CorpusDocument ticket : ordered) {
			if (ticket.category() != null && labelled++ % every == 0) {
				heldOut.add(ticket);
			}
			else {
				training.add(ticket);
			}
		}
		return new HeldOutEvaluation(training, heldOut);
	}

	/**
	 * @param tenant the tenant
	 * @param model the model to score (its vectors, fusion weights and topic space),
	 * {@code null} for keyword-only retrieval
	 * @return MRR@10 over the held-out tickets, {@code NaN} when none has a relevant
	 * ticket in the training slice
	 */
	double mrrAt10(String tenant, ActiveModel model) {
		List<Document> documents = this.training.stream()
			.map((ticket) -> new Document(ticket.id().toString(), ticket.text()))
			.toList();
		Map<String, String> categories = new HashMap<>();
		Map<String, Integer> perCategory = new HashMap<>();
		for (CorpusDocument ticket : this.training) {
			if (ticket.category() != null) {
				categories.put(ticket.id().toString(), ticket.category());
				perCategory.merge(ticket.category(), 1, Integer::sum);
			}
		}
		RankingMetrics metrics = new RankingMetrics();
		try (TenantIndex index = ActiveModel.index(tenant, documents, model, categories)) {
			for (CorpusDocument query : this.heldOut) {
				List<String> ranked = index.similar(query.text(), 10, Set.of())
					.matches()
					.stream()
					.map(Match::id)
					.toList();
				metrics.add(ranked, (id) -> query.category().equals(categories.get(id)),
						perCategory.getOrDefault(query.category(), 0));
			}
		}
		return metrics.mrrAt10();
	}

}
