package dev.deskflow.ticket.kb;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.ticket.ticket.IfMatch;
import dev.deskflow.ticket.ticket.Keyset;

/**
 * An article as stored; {@code version} is its optimistic-concurrency version and ETag,
 * and the number of its latest row in {@code kb_article_versions}.
 */
record Article(UUID id, UUID tenantId, String title, String body, String category, List<String> tags,
		ArticleStatus status, UUID authorId, Instant createdAt, Instant updatedAt, Instant publishedAt, long version) {

	String etag() {
		return IfMatch.etag(this.version);
	}

	Keyset position() {
		return new Keyset(this.updatedAt, this.id);
	}

}
