package dev.deskflow.ticket.outbox;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.support.tracing.TraceContexts;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * Writes an event to the outbox in the caller's transaction: the event exists exactly
 * when the change it describes was committed. {@link OutboxRelay} publishes it
 * afterwards, under the trace of the request that wrote it.
 */
@Component
public class OutboxWriter {

	private final DatabaseClient database;

	private final EventJson json;

	private final TraceContexts traces;

	OutboxWriter(DatabaseClient database, TraceContexts traces) {
		this.database = database;
		this.traces = traces;
		this.json = new EventJson();
	}

	/**
	 * Appends an event; call it inside the transaction of the change.
	 * @param envelope the event with its CloudEvents attributes
	 * @return completes when the row is written
	 */
	public Mono<Void> append(EventEnvelope<?> envelope) {
		return this.traces.current()
			.defaultIfEmpty("")
			.flatMap((traceparent) -> this.database
				.sql("insert into outbox_events (event_id, tenant, topic, record_key, payload, traceparent) "
						+ "values (:eventId, :tenant, :topic, :key, :payload, :traceparent)")
				.bind("eventId", java.util.UUID.fromString(envelope.id()))
				.bind("tenant", envelope.tenantId().value())
				.bind("topic", Topics.of(envelope.data()))
				.bind("key", envelope.subject())
				.bind("payload", this.json.writeString(envelope))
				.bind("traceparent", Parameter.fromOrEmpty(traceparent.isEmpty() ? null : traceparent, String.class))
				.then());
	}

}
