package dev.deskflow.ai.corpus;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Flux;

import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.deskflow.ai.AiProperties;

/**
 * Forgets applied event ids past {@code deskflow.ai.consumer.processed-retention}, hourly
 * and in bounded batches, so that {@code processed_events} does not grow by one row per
 * event forever. It works across tenants, as the service's login role.
 */
@Component
class ProcessedEventsPruning implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPruning.class);

	/**
	 * Rows one statement deletes at most, so that one prune stays a short transaction.
	 */
	static final int BATCH = 10_000;

	private static final Duration INTERVAL = Duration.ofHours(1);

	private final DatabaseClient database;

	private final Duration retention;

	private volatile Disposable running;

	ProcessedEventsPruning(DatabaseClient database, AiProperties properties) {
		this.database = database;
		this.retention = properties.consumer().processedRetention();
	}

	/**
	 * Deletes the ids applied longer ago than the retention, batch after batch.
	 * @return how many were deleted
	 */
	Mono<Long> prune() {
		return pruneBatch().expand((deleted) -> (deleted == BATCH) ? pruneBatch() : Mono.empty()).reduce(0L, Long::sum);
	}

	private Mono<Long> pruneBatch() {
		return this.database
			.sql("delete from processed_events where event_id in (select event_id from processed_events"
					+ " where processed_at < now() - make_interval(secs => :retention) limit :batch)")
			.bind("retention", (double) this.retention.toSeconds())
			.bind("batch", BATCH)
			.fetch()
			.rowsUpdated();
	}

	@Override
	public void start() {
		this.running = Flux.interval(INTERVAL, INTERVAL).concatMap((tick) -> prune().onErrorResume((ex) -> {
			log.warn("Could not prune processed event ids; trying again in {}", INTERVAL, ex);
			return Mono.empty();
		}), 1).subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

}
