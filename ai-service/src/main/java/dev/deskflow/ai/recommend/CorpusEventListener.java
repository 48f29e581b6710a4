package dev.deskflow.ai.recommend;

import dev.deskflow.ai.corpus.CorpusUpdates;
import dev.deskflow.ai.model.Retraining;
import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventHeader;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds the tenants' corpora from ticket-service's events (consumer group
 * {@code deskflow.ai.consumer-group}, shared by every instance): applies each event once
 * in the database, then updates the in-memory index, publishes recommendations after
 * {@code ticket.created}, schedules retraining when enough tickets were solved, and only
 * then acknowledges the record. A failure before the acknowledgement redelivers the
 * record; the event id makes that harmless. One partition is read by one thread and the
 * key is the ticket id, so a ticket's events stay in order.
 */
@Component
class CorpusEventListener {

	private static final Logger log = LoggerFactory.getLogger(CorpusEventListener.class);

	private final EventJson events = new EventJson();

	private final CorpusUpdates updates;

	private final TenantIndexes indexes;

	private final RecommendationsPublisher recommendations;

	private final Retraining retraining;

	CorpusEventListener(CorpusUpdates updates, TenantIndexes indexes, RecommendationsPublisher recommendations,
			Retraining retraining) {
		this.updates = updates;
		this.indexes = indexes;
		this.recommendations = recommendations;
		this.retraining = retraining;
	}

	@KafkaListener(id = "ai-corpus", groupId = "${deskflow.ai.consumer-group}",
			topics = { Topics.TICKET_EVENTS, Topics.KB_EVENTS })
	void on(ConsumerRecord<String, String> record, Acknowledgment acknowledgment) {
		EventHeader header = this.events.readHeader(record.value());
		if (!header.hasKnownType()) {
			acknowledgment.acknowledge();
			return;
		}
		EventEnvelope<? extends DeskflowEvent> envelope = this.events.read(record.value());
		// blocking is fine here: this is the partition's own consumer thread
		CorpusUpdates.Applied applied = this.updates.apply(envelope).block();
		applied.document().ifPresent(this.indexes::changed);
		if (envelope.data() instanceof TicketCreated created) {
			this.recommendations.publish(envelope, created);
		}
		if (applied.firstTime() && envelope.data() instanceof TicketStatusChanged changed
				&& changed.to() == TicketStatus.SOLVED) {
			this.retraining.ticketSolved(envelope.tenantId().value()).block();
		}
		log.debug("Applied {} {} of tenant {} (first time: {})", envelope.type(), envelope.id(), envelope.tenantId(),
				applied.firstTime());
		acknowledgment.acknowledge();
	}

}
