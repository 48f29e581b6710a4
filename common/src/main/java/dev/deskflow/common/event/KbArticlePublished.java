package dev.deskflow.common.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A knowledge-base article was published, or a new version of a published article
 * replaced the previous one; the event carries the full published text so that ai-service
 * can index it without calling back.
 *
 * @param articleId the article
 * @param title the published title
 * @param body the published body (Markdown)
 * @param category the category key, or {@code null} if uncategorised
 * @param tags the article's tags; empty, never {@code null}
 * @param publishedAt when this version was published
 */
public record KbArticlePublished(UUID articleId, String title, String body, String category, List<String> tags,
		Instant publishedAt) implements KnowledgeBaseEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "kb.article-published";

	/**
	 * Validates the event; {@code category} may be {@code null} and absent {@code tags}
	 * become an empty list.
	 * @param articleId the article
	 * @param title the published title
	 * @param body the published body
	 * @param category the category key, or {@code null}
	 * @param tags the article's tags
	 * @param publishedAt when this version was published
	 */
	public KbArticlePublished {
		Fields.required(articleId, "articleId");
		Fields.requiredText(title, "title");
		Fields.required(body, "body");
		tags = Fields.list(tags, "tags");
		Fields.required(publishedAt, "publishedAt");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
