package dev.deskflow.ticket.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.deskflow.support.lifecycle.SubscriptionLifecycle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;
import reactor.util.retry.Retry;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.deskflow.common.event.EventHeader;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.InvalidEventException;
import dev.deskflow.support.metrics.TenantTags;
import dev.deskflow.support.tracing.TraceContexts;
import dev.deskflow.ticket.TicketProperties;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them sent in the same database
 * transaction that locked them. A crash between publishing and marking re-publishes what
 * the drain sent: delivery is at least once, and consumers de-duplicate on the event id.
 * <p>
 * It drains when PostgreSQL notifies a commit ({@code LISTEN deskflow_outbox}), on a slow
 * poll as a safety net, and again after a drain that ran its full {@code max-drain}. A
 * drain is one transaction: it locks a batch, hands it to the producer, waits a short
 * batch window and locks what committed meanwhile, without waiting for the broker's
 * acknowledgements of the batches before; each statement also marks what was acknowledged
 * since the last one. So under load commit → Kafka is a batch window and a round trip,
 * not a whole drain. Drains never overlap in one instance; across replicas a
 * transaction-scoped advisory lock lets one drain at a time, which keeps per-ticket order
 * (rows are also locked {@code FOR UPDATE SKIP LOCKED}). While the broker is down, sends
 * fail, the drain stops, the rows stay unsent, and the relay backs off.
 * <p>
 * A row Kafka refuses for good, whatever the broker's state (a record larger than it
 * takes, a topic name it rejects), would hold back every row after it forever: the relay
 * marks it rejected (when and why) in the drain's transaction, leaves it in the table and
 * goes on with the rows after it. {@code deskflow.outbox.rejected} counts such rows, and
 * an alert names them; an operator publishes one again by clearing its
 * {@code rejected_at}.
 * <p>
 * The relay has connections of its own (a pool of two, and the listening one), so a burst
 * of requests holding every connection of the service's pool cannot delay the publication
 * of what they commit, and an event-loop thread of its own.
 */
@Component
class OutboxRelay extends SubscriptionLifecycle implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Arbitrary, fixed: the advisory lock key of "the outbox relay". */
	private static final long RELAY_LOCK = 0x0de5_cf10_0b0eL;

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final KafkaTemplate<String, String> kafka;

	private final TraceContexts traces;

	private final TenantTags tenantTags;

	private final MeterRegistry meters;

	private final EventJson events = new EventJson();

	/**
	 * The relay's own event-loop thread: its statements' replies do not queue behind the
	 * requests' on the shared loops, which keeps commit → Kafka short under load.
	 */
	private final LoopResources loop = LoopResources.create("outbox-relay", 1, true);

	private final ConnectionFactory listenConnections;

	private final ConnectionPool relayConnections;

	private final TicketProperties.Outbox settings;

	private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().onBackpressureBuffer(1, false);

	private final AtomicLong backlog = new AtomicLong();

	private final DistributionSummary batchSizes;

	private final AtomicLong oldestUnsentAgeMillis = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private volatile Duration backoff = Duration.ZERO;

	OutboxRelay(KafkaTemplate<String, String> kafka, R2dbcConnectionDetails connectionDetails,
			TicketProperties properties, MeterRegistry meters, TraceContexts traces, TenantTags tenantTags) {
		this.traces = traces;
		this.tenantTags = tenantTags;
		this.meters = meters;
		this.kafka = kafka;
		this.listenConnections = ConnectionFactories.get(connectionDetails.getConnectionFactoryOptions()
			.mutate()
			.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, this.loop)
			.build());
		this.relayConnections = new ConnectionPool(ConnectionPoolConfiguration.builder(this.listenConnections)
			.name("outbox-relay")
			.initialSize(1)
			.maxSize(2)
			.build());
		this.database = DatabaseClient.create(this.relayConnections);
		this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(this.relayConnections));
		this.settings = properties.outbox();
		this.batchSizes = DistributionSummary.builder("deskflow.outbox.batch.size")
			.description("Events the outbox relay published per batch")
			.baseUnit("events")
			.register(meters);
		Gauge.builder("deskflow.outbox.backlog", this.backlog, AtomicLong::get)
			.description("Outbox events not yet published to Kafka")
			.register(meters);
		Gauge.builder("deskflow.outbox.oldest.unsent.age", this.oldestUnsentAgeMillis, (age) -> age.get() / 1000.0)
			.baseUnit("seconds")
			.description("Age of the oldest outbox event not yet published")
			.register(meters);
		Gauge.builder("deskflow.outbox.rejected", this.rejected, AtomicLong::get)
			.description("Outbox events Kafka refused for good, set aside until an operator clears them")
			.register(meters);
	}

	@Override
	protected Disposable subscribe() {
		Flux<Boolean> triggers = Flux.merge(this.wakeups.asFlux(), notifications(),
				Flux.interval(Duration.ZERO, this.settings.pollInterval()).map((tick) -> true));
		// triggers that arrive while the relay waits out its batch window or drains wait
		// as one for the next drain
		Disposable relay = triggers.onBackpressureLatest()
			.concatMap((trigger) -> batchWindow().then(drainAll()).onErrorResume(this::backOff), 1)
			.subscribe();
		Disposable housekeeping = Flux.interval(Duration.ofSeconds(5), Duration.ofSeconds(5))
			.concatMap((tick) -> measureBacklog().then(prune()).onErrorResume((ex) -> Mono.empty()), 1)
			.subscribe();
		return Disposables.composite(relay, housekeeping);
	}

	@Override
	public void destroy() {
		this.relayConnections.dispose();
		this.loop.dispose();
	}

	/**
	 * Waits out the batch window, so that what commits right after the commit that woke
	 * the relay goes out in the same batch.
	 */
	private Mono<Long> batchWindow() {
		return this.settings.batchWindow().isZero() ? Mono.empty() : Mono.delay(this.settings.batchWindow());
	}

	/**
	 * Drains in one transaction, which holds the relay lock: locks a batch of unsent
	 * rows, hands it to the producer and, without waiting for the acknowledgements, locks
	 * and sends what committed meanwhile, batch after batch; each statement also marks
	 * sent what the broker acknowledged since the last one. When nothing is left, or the
	 * drain has run {@code max-drain}, or a send failed, it stops locking new rows, waits
	 * for the acknowledgements still due, marks them and commits. The marks of what Kafka
	 * acknowledged commit even when a send failed; the failure is reported after the
	 * commit.
	 */
	Mono<Integer> drainAll() {
		return Mono.defer(() -> {
			Drain drain = new Drain(System.nanoTime() + this.settings.maxDrain().toNanos());
			return this.transactions.transactional(step(drain).repeat(() -> !drain.done).then())
				// a statement that failed rolled the drain back: its rows go out again
				.doOnError((ex) -> this.meters.counter("deskflow.outbox.drains", "ended", "failed").increment())
				.then(Mono.defer(() -> {
					String ended = (drain.failure != null) ? "failed"
							: drain.lockedElsewhere ? "other-relay" : drain.reachedLimit ? "max-drain" : "drained";
					this.meters.counter("deskflow.outbox.drains", "ended", ended).increment();
					if (drain.failure != null) {
						return Mono.error(drain.failure);
					}
					if (drain.reachedLimit) {
						// what committed since the last batch was locked: the next drain
						wake();
					}
					this.backoff = Duration.ZERO;
					return Mono.just(drain.published);
				}));
		});
	}

	/**
	 * One step of a drain: one statement, which marks what was acknowledged and, while
	 * the drain goes on, locks the next batch; then the batch's sends, and a pause for
	 * more commits, or the wait for acknowledgements still due. The drain is done when
	 * its last step finds nothing left to mark or to lock.
	 */
	private Mono<Void> step(Drain drain) {
		return Mono.defer(() -> {
			List<Pending> acknowledged = drain.takeAcknowledged();
			List<Rejected> refused = drain.takeRejected();
			return refused.isEmpty() ? next(drain, acknowledged)
					: markRejected(refused).then(next(drain, acknowledged));
		});
	}

	private Mono<Void> next(Drain drain, List<Pending> acknowledged) {
		return Mono.defer(() -> {
			if (drain.stopping()) {
				if (acknowledged.isEmpty() && drain.inFlight.isEmpty()) {
					drain.done = true;
					return Mono.empty();
				}
				return markSent(acknowledged).then(Mono.fromRunnable(() -> count(acknowledged)))
					.then(drain.acknowledgements());
			}
			return lockNext(drain, acknowledged).flatMap((rows) -> {
				count(acknowledged);
				if (rows.isEmpty() || !rows.get(0).mine()) {
					// only a drain's first statement can find the lock taken: it is the
					// transaction's from then on
					otherRelayIsDraining();
					drain.lockedElsewhere = true;
					drain.done = true;
					return Mono.<Void>empty();
				}
				List<Pending> batch = rows.stream().map(Locked::row).filter(Objects::nonNull).toList();
				if (batch.isEmpty()) {
					// nothing new: wait for what is still due, then mark it
					drain.done = drain.inFlight.isEmpty();
					return drain.acknowledgements();
				}
				this.batchSizes.record(batch.size());
				// a full batch leaves more behind it: lock the next at once
				Mono<?> pause = (batch.size() == this.settings.batchSize()) ? Mono.empty() : batchWindow();
				return send(drain, batch).then(pause).then();
			});
		});
	}

	/**
	 * One round trip: marks the acknowledged rows sent, takes the relay lock (again: it
	 * is the transaction's), and locks the oldest unsent rows no one else holds, other
	 * than the ones this drain has sent and not yet marked. A row with mine = false, or
	 * mine and no event, when there is nothing to publish.
	 */
	private Mono<List<Locked>> lockNext(Drain drain, List<Pending> acknowledged) {
		Long[] marked = acknowledged.stream().map(Pending::seq).toArray(Long[]::new);
		// the update's rows are not in the select's snapshot: they stay excluded here
		Long[] excluded = Stream.concat(acknowledged.stream(), drain.inFlight.stream().map(InFlight::row))
			.map(Pending::seq)
			.toArray(Long[]::new);
		return this.database
			.sql("with marked as (update outbox_events set sent_at = clock_timestamp() where seq = any(:marked)), "
					+ "relay as (select pg_try_advisory_xact_lock(:lock) as mine) "
					+ "select relay.mine, e.seq, e.topic, e.record_key, e.payload, e.traceparent from relay "
					+ "left join lateral (select seq, topic, record_key, payload, traceparent from outbox_events "
					+ "where relay.mine and sent_at is null and rejected_at is null and seq <> all(:excluded) "
					+ "order by seq limit :limit for update skip locked) e on true order by e.seq")
			.bind("marked", marked)
			.bind("excluded", excluded)
			.bind("lock", RELAY_LOCK)
			.bind("limit", this.settings.batchSize())
			.map((row, meta) -> new Locked(Boolean.TRUE.equals(row.get("mine", Boolean.class)),
					(row.get("seq", Long.class) != null) ? new Pending(row.get("seq", Long.class),
							row.get("topic", String.class), row.get("record_key", String.class),
							row.get("payload", String.class), row.get("traceparent", String.class)) : null))
			.all()
			.collectList();
	}

	private void otherRelayIsDraining() {
		// another replica holds the lock: look again shortly, in case it finished before
		// our rows committed
		Mono.delay(this.settings.pollInterval().dividedBy(10)).subscribe((tick) -> wake());
	}

	/**
	 * Hands a batch to the producer in seq order, after every batch this drain sent
	 * before it (so per-key order holds), and notes the sends as in flight.
	 */
	private Mono<Void> send(Drain drain, List<Pending> rows) {
		// send() may block on metadata while the broker is away: keep it off the event
		// loop
		return Mono.fromCallable(() -> rows.stream().map((row) -> new InFlight(row, send(row))).toList())
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext((sends) -> {
				drain.inFlight.addAll(sends);
				drain.published += sends.size();
			})
			.then();
	}

	/**
	 * Sends a row in a span under the trace of the request that wrote it: the producer's
	 * observation puts that trace in the record's {@code traceparent} header. A send the
	 * producer refuses at once is a failed send like any other.
	 */
	private CompletableFuture<?> send(Pending row) {
		try {
			return this.traces.childOf(row.traceparent(), "outbox publish", Span.Kind.PRODUCER,
					() -> this.kafka.send(row.topic(), row.key(), row.payload()));
		}
		catch (RuntimeException ex) {
			// KafkaTemplate throws what the producer refused at once (a record too
			// large): a failed send, so the rows sent before it stay tracked
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Counts published events by type and tenant: tickets created and solved, replies,
	 * SLA breaches and the rest, for the desk dashboards and the SLA breach alert.
	 */
	private void count(List<Pending> sent) {
		for (Pending row : sent) {
			EventHeader header;
			try {
				header = this.events.readHeader(row.payload());
			}
			catch (InvalidEventException ex) {
				// a row some other writer put in the outbox: it is published all the same
				// (on Kafka, nothing to take back); failing here would roll back its mark
				// and hold every later event behind it
				log.warn("Published outbox row {} to {}, but its payload is not an event, so it is not counted: {}",
						row.seq(), row.topic(), ex.getMessage());
				continue;
			}
			Counter.builder("deskflow.events.published")
				.description("Events the outbox published to Kafka, by type and tenant")
				.tag("type", header.type())
				.tag("tenant", this.tenantTags.of(header.tenantId().value()))
				.register(this.meters)
				.increment();
		}
	}

	private Mono<Void> markSent(List<Pending> rows) {
		if (rows.isEmpty()) {
			return Mono.empty();
		}
		Long[] seqs = rows.stream().map(Pending::seq).toArray(Long[]::new);
		// the moment Kafka had them: now() would be the start of this transaction, which
		// locked the rows before they were sent
		return this.database.sql("update outbox_events set sent_at = clock_timestamp() where seq = any(:seqs)")
			.bind("seqs", seqs)
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * Sets aside rows Kafka refused for good, in the drain's transaction: the next
	 * statement locks the rows after them.
	 */
	private Mono<Void> markRejected(List<Rejected> rows) {
		Long[] seqs = rows.stream().map((row) -> row.row().seq()).toArray(Long[]::new);
		String[] reasons = rows.stream().map(Rejected::reason).toArray(String[]::new);
		return this.database
			.sql("update outbox_events e set rejected_at = clock_timestamp(), rejection = r.reason "
					+ "from unnest(:seqs::bigint[], :reasons::text[]) as r(seq, reason) where e.seq = r.seq")
			.bind("seqs", seqs)
			.bind("reasons", reasons)
			.fetch()
			.rowsUpdated()
			.doOnSuccess((updated) -> rows.forEach((row) -> {
				log.error(
						"Kafka refused outbox row {} (topic {}, key {}) for good; it is set aside and the "
								+ "events after it go on: {}",
						row.row().seq(), row.row().topic(), row.row().key(), row.reason());
				this.meters.counter("deskflow.outbox.rejections").increment();
			}))
			.then();
	}

	private Mono<Integer> backOff(Throwable failure) {
		Duration next = this.backoff.isZero() ? Duration.ofMillis(100)
				: this.backoff.multipliedBy(2).compareTo(this.settings.maxBackoff()) > 0 ? this.settings.maxBackoff()
						: this.backoff.multipliedBy(2);
		this.backoff = next;
		log.warn("Outbox relay could not publish; retrying in {} ms: {}", next.toMillis(), failure.toString());
		return Mono.delay(next).then(Mono.fromRunnable(this::wake)).thenReturn(0);
	}

	private void wake() {
		this.wakeups.tryEmitNext(true);
	}

	/**
	 * Commit notifications from PostgreSQL, on a connection of their own, reconnecting
	 * forever.
	 */
	private Flux<Boolean> notifications() {
		return Flux.usingWhen(Mono.from(this.listenConnections.create()), this::listen, Connection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
				.maxBackoff(this.settings.maxBackoff())
				.doBeforeRetry(
						(signal) -> log.debug("Re-listening for outbox commits: {}", signal.failure().toString())))
			.map((notification) -> true);
	}

	private Flux<Object> listen(Connection connection) {
		PostgresqlConnection postgres = (PostgresqlConnection) connection;
		return postgres.createStatement("LISTEN deskflow_outbox")
			.execute()
			.flatMap((result) -> result.getRowsUpdated())
			.thenMany(postgres.getNotifications())
			.cast(Object.class)
			// a new connection may have missed commits made while it was being opened
			.startWith(Boolean.TRUE);
	}

	private Mono<Void> measureBacklog() {
		return this.database.sql("select count(*) filter (where rejected_at is null) as backlog, "
				+ "coalesce(extract(epoch from now() - min(created_at) filter (where rejected_at is null)) * 1000, 0) "
				+ "as age, count(*) filter (where rejected_at is not null) as rejected "
				+ "from outbox_events where sent_at is null")
			.map((row, meta) -> {
				this.backlog.set(row.get("backlog", Long.class));
				this.oldestUnsentAgeMillis.set(row.get("age", Number.class).longValue());
				this.rejected.set(row.get("rejected", Long.class));
				return true;
			})
			.one()
			.then();
	}

	private Mono<Void> prune() {
		return this.database
			.sql("delete from outbox_events where seq in (select seq from outbox_events "
					+ "where sent_at < now() - make_interval(secs => :retention) limit 10000)")
			.bind("retention", (double) this.settings.retention().toSeconds())
			.then();
	}

	/**
	 * The cause of a failed send that says the record itself can never be published,
	 * whatever the broker's state, or null. Anything else (a broker away, a timeout, an
	 * authorisation error) may pass and stops the drain instead.
	 * @param failure why a send failed
	 * @return the refusal among its causes, or null
	 */
	static Throwable refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
					|| cause instanceof InvalidRecordException || cause instanceof InvalidTopicException
					|| cause instanceof SerializationException) {
				return cause;
			}
		}
		return null;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100; // start after the web server and Kafka, stop
										// before them
	}

	/**
	 * A row of a drain's first statement: whether this relay holds the lock, and a row.
	 */
	private record Locked(boolean mine, Pending row) {
	}

	private record Pending(Long seq, String topic, String key, String payload, String traceparent) {
	}

	/** A row Kafka refused for good, and why. */
	private record Rejected(Pending row, String reason) {
	}

	/** A sent row whose acknowledgement this drain has not marked yet. */
	private record InFlight(Pending row, CompletableFuture<?> ack) {
	}

	/**
	 * The state of one drain. Its steps run one after another, so plain fields do; the
	 * acknowledgements complete on the producer's thread and are only read.
	 */
	private static final class Drain {

		private final long deadline;

		private final List<InFlight> inFlight = new ArrayList<>();

		private final List<Rejected> rejected = new ArrayList<>();

		private int published;

		private boolean done;

		private boolean lockedElsewhere;

		private boolean reachedLimit;

		private Throwable failure;

		Drain(long deadline) {
			this.deadline = deadline;
		}

		boolean expired() {
			return System.nanoTime() - this.deadline > 0;
		}

		/** Whether the drain has stopped locking new rows. */
		boolean stopping() {
			if (this.failure == null && expired()) {
				this.reachedLimit = true;
			}
			return this.failure != null || this.reachedLimit;
		}

		/**
		 * Takes the sends that completed: the acknowledged ones, to be marked; one Kafka
		 * refused for good, to be set aside ({@link #takeRejected()}); any other failed
		 * one is left unsent and stops the drain.
		 */
		List<Pending> takeAcknowledged() {
			List<Pending> acknowledged = new ArrayList<>();
			Iterator<InFlight> sends = this.inFlight.iterator();
			while (sends.hasNext()) {
				InFlight send = sends.next();
				if (!send.ack().isDone()) {
					continue;
				}
				sends.remove();
				if (send.ack().isCompletedExceptionally()) {
					Throwable failure = send.ack().handle((ignored, ex) -> cause(ex)).join();
					Throwable refusal = refusal(failure);
					if (refusal != null) {
						this.rejected.add(new Rejected(send.row(), refusal.toString()));
					}
					else if (this.failure == null) {
						this.failure = failure;
					}
				}
				else {
					acknowledged.add(send.row());
				}
			}
			return acknowledged;
		}

		List<Rejected> takeRejected() {
			List<Rejected> taken = List.copyOf(this.rejected);
			this.rejected.clear();
			return taken;
		}

		private static Throwable cause(Throwable failure) {
			return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
					: failure;
		}

		/** Completes when every send in flight has completed, however it did. */
		Mono<Void> acknowledgements() {
			return Mono
				.fromFuture(CompletableFuture
					.allOf(this.inFlight.stream().map(InFlight::ack).toArray(CompletableFuture[]::new))
					.handle((ignored, ex) -> null))
				.then();
		}

	}

}
