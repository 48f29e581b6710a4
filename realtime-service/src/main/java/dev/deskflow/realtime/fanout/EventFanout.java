package dev.deskflow.realtime.fanout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.InvalidEventException;
import dev.deskflow.common.event.TicketAssigned;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.UnknownEventTypeException;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.realtime.replay.EventStream;
import dev.deskflow.support.tracing.TraceContexts;
import dev.deskflow.realtime.session.LiveEvent;
import dev.deskflow.realtime.session.Sessions;
import dev.deskflow.realtime.session.TicketDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every ticket and AI event (a consumer group of its own, see
 * {@link FanoutInstance}), records what it needs to authorize subscriptions, appends the
 * event once to the tenant's stream and hands it to the local sockets. One partition is
 * read by one thread and the key is the ticket id, so a ticket's events stay in order.
 * <p>
 * Records come in batches: a batch's script calls are issued together (they run in order
 * on the shared Redis connection), so a batch costs about one round trip rather than one
 * per event.
 */
@Component
class EventFanout {

	private static final Logger log = LoggerFactory.getLogger(EventFanout.class);

	private final EventJson events = new EventJson();

	private final TicketDirectory directory;

	private final EventStream stream;

	private final Sessions sessions;

	private final JsonMapper json;

	/**
	 * Held while a batch is appended and delivered: consumer threads of several
	 * partitions append to the same tenants' streams, and appending and delivering one
	 * batch at a time keeps each socket's events in stream-id order, so a client's last
	 * seen id never hides an earlier event from its replay.
	 */
	private final Object appending = new Object();

	/** The ids of the most recent events this instance delivered. */
	private final Set<String> delivered = Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > 100_000;
		}

	});

	private final TraceContexts traces;

	private final Timer deliveryDelay;

	EventFanout(TicketDirectory directory, EventStream stream, Sessions sessions, JsonMapper json, TraceContexts traces,
			MeterRegistry meters) {
		this.deliveryDelay = Timer.builder("deskflow.realtime.delivery.delay")
			.description("From an event's time to its hand-over to this instance's sockets")
			.publishPercentileHistogram()
			.register(meters);
		this.directory = directory;
		this.traces = traces;
		this.stream = stream;
		this.sessions = sessions;
		this.json = json;
	}

	@KafkaListener(id = "realtime-fanout", idIsGroup = false, groupId = "#{@fanoutInstance.consumerGroup()}",
			topics = { Topics.TICKET_EVENTS, Topics.AI_EVENTS }, properties = "auto.offset.reset=latest",
			concurrency = "${deskflow.realtime.fanout-consumers:3}", batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		List<Incoming> incoming = new ArrayList<>(records.size());
		for (ConsumerRecord<String, String> record : records) {
			Incoming event = read(record);
			if (event != null) {
				incoming.add(event);
			}
		}
		if (incoming.isEmpty()) {
			return;
		}
		// blocking is fine here: this is the partitions' own consumer thread, and the
		// next events of these tickets must wait for these anyway
		synchronized (this.appending) {
			List<EventStream.Appended> appended = Flux.fromIterable(incoming)
				.flatMapSequential((event) -> this.stream.append(event.append()), incoming.size())
				.collectList()
				.block();
			for (int i = 0; i < incoming.size(); i++) {
				Incoming event = incoming.get(i);
				// at-least-once: a relay that restarts may publish an event again; this
				// instance's sockets get it once (the stream append is deduplicated
				// across instances)
				if (this.delivered.add(event.append().eventId())) {
					EventStream.Appended result = appended.get(i);
					LiveEvent live = event.live().at(result.streamId(), result.assignee());
					this.traces.childOf(event.traceparent(), "realtime fan-out", Span.Kind.CONSUMER, () -> {
						this.sessions.deliver(live);
						return live;
					});
					this.deliveryDelay.record(Duration.between(event.occurredAt(), Instant.now()));
				}
			}
		}
	}

	/**
	 * @return the record as an event to append and deliver, or null when it is not one
	 * this service knows (skipped here, so only the append can fail a batch)
	 */
	private Incoming read(ConsumerRecord<String, String> record) {
		String value = record.value();
		try {
			// parsed once: the typed envelope and the sockets' views come from one tree
			JsonNode root = this.json.readTree(value);
			EventEnvelope<? extends DeskflowEvent> envelope = this.events.read(root);
			Header traceparent = record.headers().lastHeader(TraceContexts.TRACEPARENT);
			return new Incoming(append(envelope, value), LiveEvent.parse(root, this.json),
					(traceparent != null) ? new String(traceparent.value(), StandardCharsets.US_ASCII) : null,
					envelope.time());
		}
		catch (UnknownEventTypeException ex) {
			return null; // a type this service does not know (a newer producer's)
		}
		catch (InvalidEventException | IllegalArgumentException | JacksonException ex) {
			log.debug("Skipping an invalid event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
			return null;
		}
	}

	private EventStream.Append append(EventEnvelope<? extends DeskflowEvent> envelope, String value) {
		TenantId tenant = envelope.tenantId();
		UUID ticketId = UUID.fromString(envelope.subject());
		String assigneeKey = this.directory.assigneeKey(tenant, ticketId);
		if (envelope.data() instanceof TicketCreated created) {
			return new EventStream.Append(tenant, envelope.id(), value, assigneeKey,
					this.directory.requesterKey(tenant, ticketId), created.requesterId().toString());
		}
		if (envelope.data() instanceof TicketAssigned assigned) {
			return new EventStream.Append(tenant, envelope.id(), value, assigneeKey, assigneeKey,
					(assigned.assigneeId() != null) ? assigned.assigneeId().toString() : null);
		}
		return new EventStream.Append(tenant, envelope.id(), value, assigneeKey, null, null);
	}

	/**
	 * A record to append and deliver.
	 *
	 * @param append the stream append
	 * @param live the event as sockets receive it, still without its stream id
	 * @param traceparent the trace that caused it, or {@code null}
	 * @param occurredAt when it happened (the event's {@code time})
	 */
	private record Incoming(EventStream.Append append, LiveEvent live, String traceparent, Instant occurredAt) {
	}

}
