package dev.deskflow.ai.recommend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.model.ActiveModel;
import dev.deskflow.ai.retrieval.Document;
import dev.deskflow.ai.retrieval.TenantIndex;
import dev.deskflow.ai.suggest.LabelSuggester;
import dev.deskflow.ai.text.TextAnalyzer;
import dev.deskflow.common.event.RecommendationKind;

/**
 * One tenant's searchable state at one moment: an index of its solved tickets (which also
 * vote on category and priority: their labels are the ones staff settled on), an index of
 * its published articles, and the model both use. Immutable.
 *
 * @param tickets solved and closed tickets
 * @param articles published articles
 * @param suggester category and priority by the model's classifiers, or else the solved
 * tickets' vote
 * @param documents every indexed document by id
 * @param modelName the model that answers, or {@link ActiveModel#KEYWORD_ONLY}
 */
record Snapshot(TenantIndex tickets, TenantIndex articles, LabelSuggester suggester,
		Map<UUID, CorpusDocument> documents, String modelName) {

	static final String CATEGORY = "category";

	static final String PRIORITY = "priority";

	static Snapshot build(String tenant, Collection<CorpusDocument> corpus, ActiveModel model) {
		List<Document> tickets = new ArrayList<>();
		List<Document> articles = new ArrayList<>();
		Map<String, String> categories = new HashMap<>();
		Map<String, String> priorities = new HashMap<>();
		Map<UUID, CorpusDocument> documents = new HashMap<>();
		for (CorpusDocument document : corpus) {
			documents.put(document.id(), document);
			String id = document.id().toString();
			if (document.kind() == RecommendationKind.ARTICLE) {
				articles.add(new Document(id, document.text()));
				continue;
			}
			tickets.add(new Document(id, document.text()));
			if (document.category() != null) {
				categories.put(id, document.category());
			}
			if (document.priority() != null) {
				priorities.put(id, document.priority());
			}
		}
		TenantIndex ticketIndex = ActiveModel.index(tenant, tickets, model, categories);
		TenantIndex articleIndex = ActiveModel.index(tenant, articles, model, Map.of());
		Map<String, Map<String, String>> labels = new LinkedHashMap<>();
		labels.put(CATEGORY, categories);
		labels.put(PRIORITY, priorities);
		return new Snapshot(ticketIndex, articleIndex,
				new LabelSuggester(ticketIndex, labels, LabelSuggester.DEFAULT_NEIGHBOURS,
						(model != null) ? model.classifiers() : null, TextAnalyzer.english()),
				Map.copyOf(documents), (model != null) ? model.name() : ActiveModel.KEYWORD_ONLY);
	}

}
