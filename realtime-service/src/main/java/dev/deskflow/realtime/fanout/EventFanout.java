package dev.deskflow.realtime.fanout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventHeader;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.InvalidEventException;
import dev.deskflow.common.event.TicketAssigned;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.realtime.replay.EventStream;
import dev.deskflow.realtime.session.LiveEvent;
import dev.deskflow.realtime.session.Sessions;
import dev.deskflow.realtime.session.TicketDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every ticket and AI event (a consumer group of its own, see
 * {@link FanoutInstance}), records what it needs to authorize subscriptions, appends the
 * event once to the tenant's stream and hands it to the local sockets. One partition is
 * read by one thread and the key is the ticket id, so a ticket's events stay in order.
 */
@Component
class EventFanout {

	private static final Logger log = LoggerFactory.getLogger(EventFanout.class);

	private final EventJson events = new EventJson();

	private final TicketDirectory directory;

	private final EventStream stream;

	private final Sessions sessions;

	private final JsonMapper json;

	private final Object[] tenantLocks = new Object[64];

	/** The ids of the most recent events this instance delivered. */
	private final Set<String> delivered = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > 100_000;
		}

	}));

	EventFanout(TicketDirectory directory, EventStream stream, Sessions sessions, JsonMapper json) {
		this.directory = directory;
		this.stream = stream;
		this.sessions = sessions;
		this.json = json;
		for (int i = 0; i < this.tenantLocks.length; i++) {
			this.tenantLocks[i] = new Object();
		}
	}

	@KafkaListener(id = "realtime-fanout", idIsGroup = false, groupId = "#{@fanoutInstance.consumerGroup()}",
			topics = { Topics.TICKET_EVENTS, Topics.AI_EVENTS }, properties = "auto.offset.reset=latest",
			concurrency = "${deskflow.realtime.fanout-consumers:3}")
	void on(ConsumerRecord<String, String> record) {
		String value = record.value();
		EventEnvelope<? extends DeskflowEvent> envelope;
		try {
			EventHeader header = this.events.readHeader(value);
			if (!header.hasKnownType()) {
				return;
			}
			envelope = this.events.read(value);
		}
		catch (InvalidEventException ex) {
			log.debug("Skipping an invalid event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
			return;
		}
		UUID ticketId = UUID.fromString(envelope.subject());
		// blocking is fine here: this is the partition's own consumer thread, and the
		// next event of the ticket must wait for this one anyway
		String assignee = remember(envelope, ticketId).then(this.directory.assignee(envelope.tenantId(), ticketId))
			.defaultIfEmpty("")
			.block();
		// consumer threads of several partitions append to one tenant's stream: appending
		// and
		// delivering under the tenant's lock keeps each socket's events in stream-id
		// order,
		// so a client's last seen id never hides an earlier event from its replay
		synchronized (this.tenantLocks[Math.floorMod(envelope.tenantId().hashCode(), this.tenantLocks.length)]) {
			String streamId = this.stream.append(envelope.tenantId(), envelope.id(), value, assignee).block();
			// at-least-once: a relay that restarts may publish an event again; this
			// instance's
			// sockets get it once (the stream append above is deduplicated across
			// instances)
			if (this.delivered.add(envelope.id())) {
				this.sessions.deliver(LiveEvent.of(streamId, value, assignee, this.json));
			}
		}
	}

	private Mono<Void> remember(EventEnvelope<? extends DeskflowEvent> envelope, UUID ticketId) {
		if (envelope.data() instanceof TicketCreated created) {
			return this.directory.recordRequester(envelope.tenantId(), ticketId, created.requesterId());
		}
		if (envelope.data() instanceof TicketAssigned assigned) {
			return this.directory.recordAssignee(envelope.tenantId(), ticketId, assigned.assigneeId());
		}
		return Mono.empty();
	}

}
