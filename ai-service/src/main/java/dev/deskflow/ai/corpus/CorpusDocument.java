package dev.deskflow.ai.corpus;

import java.util.Set;
import java.util.UUID;

import dev.deskflow.common.event.RecommendationKind;
import dev.deskflow.common.event.TicketStatus;

/**
 * One document of a tenant's corpus as ai-service keeps it: a ticket with its public
 * conversation, or a published knowledge-base article. Internal notes are never part of
 * it.
 *
 * @param tenant the tenant's slug
 * @param id the ticket's or article's id
 * @param kind ticket or article
 * @param requesterId the customer a ticket is for; {@code null} for articles
 * @param title subject or article title
 * @param body first message or article body
 * @param replies the public replies, oldest first
 * @param status a ticket's status name; {@code PUBLISHED} for articles
 * @param resolution the public staff reply that solved the ticket, when solved
 * @param category the category key, or {@code null}
 * @param priority a ticket's priority name, or {@code null}
 */
public record CorpusDocument(String tenant, UUID id, RecommendationKind kind, UUID requesterId, String title,
		String body, String replies, String status, String resolution, String category, String priority) {

	private static final Set<String> RESOLVED = Set.of(TicketStatus.SOLVED.name(), TicketStatus.CLOSED.name());

	/**
	 * @return whether retrieval may recommend it: a published article or a solved (or
	 * closed) ticket
	 */
	public boolean retrievable() {
		return this.kind == RecommendationKind.ARTICLE || RESOLVED.contains(this.status);
	}

	/**
	 * @return the text that is indexed and queried with: title, body and public replies
	 */
	public String text() {
		return this.title + "\n" + this.body + (this.replies.isEmpty() ? "" : "\n" + this.replies);
	}

}
