package dev.deskflow.ticket.outbox;

import java.util.function.UnaryOperator;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.support.tracing.TraceContexts;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
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
		return append(envelope, Prelude.NONE).then();
	}

	/**
	 * Appends an event in the same statement as the writes it describes, one round trip
	 * for all of them; call it inside the transaction of the change.
	 * @param envelope the event with its CloudEvents attributes
	 * @param prelude the writes
	 * @return whether the event was written (a prelude with a {@code source} that
	 * returned no row writes none), once the rows are written
	 */
	public Mono<Boolean> append(EventEnvelope<?> envelope, Prelude prelude) {
		String values = ":eventId, :tenant, :topic, :key, :payload, :traceparent";
		return this.traces.current()
			.defaultIfEmpty("")
			.flatMap((traceparent) -> prelude.binds()
				.apply(this.database.sql((prelude.sql().isEmpty() ? "" : "with " + prelude.sql() + " ")
						+ "insert into outbox_events (event_id, tenant, topic, record_key, payload, traceparent) "
						+ ((prelude.source() != null) ? "select " + values + " from " + prelude.source()
								: "values (" + values + ")")))
				.bind("eventId", java.util.UUID.fromString(envelope.id()))
				.bind("tenant", envelope.tenantId().value())
				.bind("topic", Topics.of(envelope.data()))
				.bind("key", envelope.subject())
				.bind("payload", this.json.writeString(envelope))
				.bind("traceparent", Parameter.fromOrEmpty(traceparent.isEmpty() ? null : traceparent, String.class))
				.fetch()
				.rowsUpdated()
				.map((rows) -> rows > 0));
	}

	/**
	 * Writes that run in the statement that appends an event, before it: data-modifying
	 * common table expressions ({@code name as (insert ...)}, comma-separated) and the
	 * binding of their parameters, whose names must differ from the outbox row's
	 * ({@code eventId}, {@code tenant}, {@code topic}, {@code key}, {@code payload},
	 * {@code traceparent}).
	 *
	 * @param sql the expressions, without {@code with}
	 * @param binds binds their parameters
	 * @param source an expression whose returned rows the event is written for (one row:
	 * the event; none: no event), or {@code null} to write it unconditionally
	 */
	public record Prelude(String sql, UnaryOperator<GenericExecuteSpec> binds, String source) {

		static final Prelude NONE = new Prelude("", UnaryOperator.identity(), null);

	}

}
