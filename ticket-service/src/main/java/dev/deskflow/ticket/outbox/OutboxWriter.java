package dev.deskflow.ticket.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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

	private static final String OUTBOX_COLUMNS = "insert into outbox_events (event_id, tenant, topic, record_key, "
			+ "payload, traceparent) ";

	private static final String OUTBOX_VALUES = ":eventId, :tenant, :topic, :key, :payload, :traceparent";

	private static final String INSERT = OUTBOX_COLUMNS + "values (" + OUTBOX_VALUES + ")";

	/**
	 * Appends an event; call it inside the transaction of the change.
	 * @param envelope the event with its CloudEvents attributes
	 * @return completes when the row is written
	 */
	public Mono<Void> append(EventEnvelope<?> envelope) {
		return write(INSERT, Map.of(), envelope).then();
	}

	/**
	 * Appends an event in the same statement as the writes it describes, one round trip
	 * for all of them; call it inside the transaction of the change.
	 * @param envelope the event with its CloudEvents attributes
	 * @param prelude the writes and their parameters
	 * @return whether the event was written (writes whose {@code source} returned no row
	 * write none), once the rows are written
	 */
	public Mono<Boolean> append(EventEnvelope<?> envelope, Prelude prelude) {
		return write(prelude.writes().statement, prelude.values(), envelope);
	}

	private Mono<Boolean> write(String statement, Map<String, ?> preludeValues, EventEnvelope<?> envelope) {
		return this.traces.current().defaultIfEmpty("").flatMap((traceparent) -> {
			// one map, bound at once: each bind(name, value) would copy the bindings so
			// far
			Map<String, Object> values = new HashMap<>(preludeValues);
			values.put("eventId", UUID.fromString(envelope.id()));
			values.put("tenant", envelope.tenantId().value());
			values.put("topic", Topics.of(envelope.data()));
			values.put("key", envelope.subject());
			values.put("payload", this.json.writeString(envelope));
			values.put("traceparent", Parameter.fromOrEmpty(traceparent.isEmpty() ? null : traceparent, String.class));
			return this.database.sql(statement).bindValues(values).fetch().rowsUpdated().map((rows) -> rows > 0);
		});
	}

	/**
	 * Writes that run in the statement that appends an event, before it: data-modifying
	 * common table expressions ({@code name as (insert ...)}, comma-separated), and the
	 * expression whose returned rows the event is written for (one row: the event; none:
	 * no event). The statement is built once: keep each as a constant.
	 */
	public static final class Writes {

		private final String statement;

		/**
		 * @param expressions the expressions, without {@code with}; their parameters'
		 * names must differ from the outbox row's ({@code eventId}, {@code tenant},
		 * {@code topic}, {@code key}, {@code payload}, {@code traceparent})
		 * @param source the expression whose rows the event is written for
		 */
		public Writes(String expressions, String source) {
			this.statement = "with " + expressions + " " + OUTBOX_COLUMNS + "select " + OUTBOX_VALUES + " from "
					+ source;
		}

	}

	/**
	 * One use of {@link Writes}: the writes and their parameters' values.
	 *
	 * @param writes the writes
	 * @param values the values by parameter name; a {@link Parameter} for a value that
	 * may be {@code null}
	 */
	public record Prelude(Writes writes, Map<String, ?> values) {

	}

}
