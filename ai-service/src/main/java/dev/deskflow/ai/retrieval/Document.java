package dev.deskflow.ai.retrieval;

import java.util.Objects;

/**
 * One searchable text of a tenant's corpus: a ticket (subject and public conversation) or
 * a knowledge-base article.
 *
 * @param id the id the caller knows the text by, unique within a corpus
 * @param text the public text; never internal notes
 */
public record Document(String id, String text) {

	public Document {
		Objects.requireNonNull(id, "id");
		text = (text != null) ? text : "";
	}

}
