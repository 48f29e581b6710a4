package dev.deskflow.ai.model;

import java.util.List;
import java.util.Map;

import dev.deskflow.ai.classify.Classifiers;
import dev.deskflow.ai.classify.LinearClassifier;
import dev.deskflow.ai.retrieval.Document;
import dev.deskflow.ai.retrieval.Fusion;
import dev.deskflow.ai.retrieval.TenantIndex;
import dev.deskflow.ai.retrieval.TopicSpace;
import dev.deskflow.ai.retrieval.WordVectors;
import dev.deskflow.ai.text.TextAnalyzer;

/**
 * The model a tenant's answers use: its own active version, or the base model.
 *
 * @param name what answers and events call it: {@code tenant-v<N>} or {@value #BASE}
 * @param vectors the loaded vectors
 * @param classifiers the tenant's category/priority classifiers, {@code null} for the
 * base model (and versions trained before classifiers existed): suggestions then come
 * from the neighbours' vote
 * @param fusion the hybrid ranking's weights learned with this version
 */
public record ActiveModel(String name, WordVectors vectors, Classifiers classifiers, Fusion fusion) {

	/** The model name answers carry when no model took part. */
	public static final String KEYWORD_ONLY = "keyword-only";

	/** The name of the base model shipped with the service. */
	public static final String BASE = "base-v1";

	/** The field whose classifier is the hybrid ranking's topic space. */
	public static final String TOPIC_FIELD = "category";

	static ActiveModel ofTenant(int version, WordVectors vectors, Supervised supervised) {
		return new ActiveModel("tenant-v" + version, vectors, (supervised != null) ? supervised.classifiers() : null,
				(supervised != null) ? supervised.fusion() : Fusion.EQUAL);
	}

	static ActiveModel base(WordVectors vectors) {
		return new ActiveModel(BASE, vectors, null, Fusion.EQUAL);
	}

	/**
	 * @param tenant the tenant
	 * @param documents its documents
	 * @param model the model, {@code null} for keyword-only
	 * @param categories the documents' categories staff set, by id: the topic agreement
	 * takes them as known
	 * @return an index that ranks as the model says
	 */
	public static TenantIndex index(String tenant, List<Document> documents, ActiveModel model,
			Map<String, String> categories) {
		if (model == null) {
			return TenantIndex.build(tenant, documents, null, TextAnalyzer.english());
		}
		LinearClassifier topic = (model.classifiers() != null) ? model.classifiers().forField(TOPIC_FIELD) : null;
		TopicSpace topics = (topic != null) ? topic.asTopicSpace() : null;
		return TenantIndex.build(tenant, documents, model.vectors(), TextAnalyzer.english(),
				(topics != null) ? model.fusion() : withoutTopic(model.fusion()), topics, categories);
	}

	private static Fusion withoutTopic(Fusion fusion) {
		return new Fusion(fusion.keyword(), fusion.semantic(), 0);
	}

	/**
	 * What a version learned from the labels besides its vectors.
	 *
	 * @param classifiers the category/priority classifiers
	 * @param fusion the hybrid ranking's weights
	 */
	record Supervised(Classifiers classifiers, Fusion fusion) {
	}

}
