package dev.deskflow.common.topic;

import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.KnowledgeBaseEvent;
import dev.deskflow.common.event.RecommendationEvent;
import dev.deskflow.common.event.SlaEvent;
import dev.deskflow.common.event.TicketEvent;

/**
 * The names of Deskflow's Kafka topics. Every record on them is a CloudEvents
 * structured-mode JSON {@link dev.deskflow.common.event.EventEnvelope}; the record key is
 * the envelope's {@code subject} (the aggregate id), so events of one aggregate stay in
 * order.
 */
public final class Topics {

	/**
	 * Ticket lifecycle and SLA events. Produced by ticket-service through its
	 * transactional outbox; key: the ticket id. Types: {@code ticket.created},
	 * {@code ticket.status-changed}, {@code ticket.commented}, {@code ticket.assigned},
	 * {@code ticket.updated}, {@code sla.at-risk}, {@code sla.breached}. Consumed by
	 * ai-service (recommendations, training data) and realtime-service (live updates).
	 */
	public static final String TICKET_EVENTS = "deskflow.ticket.events";

	/**
	 * Knowledge-base events. Produced by ticket-service through its transactional outbox;
	 * key: the article id. Types: {@code kb.article-published}. Consumed by ai-service to
	 * index articles.
	 */
	public static final String KB_EVENTS = "deskflow.kb.events";

	/**
	 * AI results. Produced by ai-service; key: the ticket id. Types:
	 * {@code recommendations.ready}. Consumed by realtime-service to push recommendations
	 * to agents viewing the ticket.
	 */
	public static final String AI_EVENTS = "deskflow.ai.events";

	private Topics() {
	}

	/**
	 * The topic an event is published on.
	 * @param event the event
	 * @return {@link #TICKET_EVENTS}, {@link #KB_EVENTS} or {@link #AI_EVENTS}
	 */
	public static String of(DeskflowEvent event) {
		if (event instanceof TicketEvent || event instanceof SlaEvent) {
			return TICKET_EVENTS;
		}
		if (event instanceof KnowledgeBaseEvent) {
			return KB_EVENTS;
		}
		if (event instanceof RecommendationEvent) {
			return AI_EVENTS;
		}
		throw new IllegalArgumentException("No topic for event " + event);
	}

}
