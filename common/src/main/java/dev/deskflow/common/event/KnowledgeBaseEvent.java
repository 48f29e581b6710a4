package dev.deskflow.common.event;

import java.util.UUID;

/**
 * An event of the knowledge-base article aggregate, published by ticket-service on
 * {@link dev.deskflow.common.topic.Topics#KB_EVENTS} with the article id as key.
 */
public sealed interface KnowledgeBaseEvent extends DeskflowEvent permits KbArticlePublished {

	/**
	 * The article this event is about.
	 * @return the article id
	 */
	UUID articleId();

	/**
	 * The article id.
	 * @return {@link #articleId()}
	 */
	@Override
	default UUID aggregateId() {
		return articleId();
	}

}
