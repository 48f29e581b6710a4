package dev.deskflow.ai.model;

import dev.deskflow.ai.retrieval.WordVectors;

/**
 * The Word2Vec a tenant's answers use: its own active version, or the base model.
 *
 * @param name what answers and events call it: {@code tenant-v<N>} or {@value #BASE}
 * @param vectors the loaded vectors
 */
public record ActiveModel(String name, WordVectors vectors) {

	/** The model name answers carry when no model took part. */
	public static final String KEYWORD_ONLY = "keyword-only";

	/** The name of the base model shipped with the service. */
	public static final String BASE = "base-v1";

	static ActiveModel ofTenant(int version, WordVectors vectors) {
		return new ActiveModel("tenant-v" + version, vectors);
	}

}
