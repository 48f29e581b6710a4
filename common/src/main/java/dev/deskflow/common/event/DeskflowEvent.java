package dev.deskflow.common.event;

import java.util.UUID;

/**
 * Something that happened in Deskflow, told in the past tense, carried as the
 * {@code data} of an {@link EventEnvelope}. Each aggregate has its own sealed
 * sub-interface, so a consumer's handling of an aggregate's events can be checked for
 * completeness.
 */
public sealed interface DeskflowEvent permits TicketEvent, KnowledgeBaseEvent, SlaEvent, RecommendationEvent {

	/**
	 * The CloudEvents {@code type} of this event, for example {@code ticket.created};
	 * each record declares it as its {@code TYPE} constant and {@link EventTypes} maps it
	 * back.
	 * @return the event type
	 */
	String type();

	/**
	 * The id of the aggregate this event is about, used as the envelope's {@code subject}
	 * and as the Kafka record key. (Named so, rather than {@code subject()}, because a
	 * ticket has a {@code subject} of its own.)
	 * @return the aggregate id
	 */
	UUID aggregateId();

}
