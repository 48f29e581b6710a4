package dev.deskflow.ticket.kb;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The JSON shapes of the knowledge-base API.
 */
final class ArticleViews {

	static final String TAG = "[\\p{L}\\p{N}_.:-]+";

	private ArticleViews() {
	}

	/** A new article; {@code status} defaults to {@code DRAFT}. */
	record WriteArticleRequest(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 100_000) String body,
			@Size(max = 100) String category,
			@Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = TAG) String> tags, ArticleStatus status) {
	}

	/**
	 * An edit: absent fields stay as they are; an empty {@code category} removes it.
	 */
	record EditArticleRequest(@Size(min = 1, max = 300) String title, @Size(min = 1, max = 100_000) String body,
			@Size(max = 100) String category,
			@Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = TAG) String> tags, ArticleStatus status) {

		boolean isEmpty() {
			return this.title == null && this.body == null && this.category == null && this.tags == null
					&& this.status == null;
		}

	}

	/** A ticket's link to an article. */
	record LinkRequest(@NotNull UUID articleId) {
	}

	/** An article with its Markdown and the sanitised HTML rendering of it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ArticleView(UUID id, String title, String body, String html, String category, List<String> tags,
			ArticleStatus status, Instant createdAt, Instant updatedAt, Instant publishedAt, long version) {

		static ArticleView of(Article article, String html) {
			return new ArticleView(article.id(), article.title(), article.body(), html, article.category(),
					article.tags(), article.status(), article.createdAt(), article.updatedAt(), article.publishedAt(),
					article.version());
		}

	}

	/** An article in a list, without its body. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ArticleSummary(UUID id, String title, String category, List<String> tags, ArticleStatus status,
			Instant updatedAt, Instant publishedAt) {

		static ArticleSummary of(Article article) {
			return new ArticleSummary(article.id(), article.title(), article.category(), article.tags(),
					article.status(), article.updatedAt(), article.publishedAt());
		}

	}

	/** An article linked to a ticket. */
	record LinkView(UUID articleId, String title, ArticleStatus status, UUID linkedBy, Instant linkedAt) {
	}

	/**
	 * A page of a list.
	 *
	 * @param <T> the item type
	 * @param items the items
	 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Page<T>(List<T> items, String nextCursor) {
	}

}
