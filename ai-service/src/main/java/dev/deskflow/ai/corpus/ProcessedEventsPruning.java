package dev.deskflow.ai.corpus;

import java.time.Duration;

import dev.deskflow.ai.AiProperties;
import dev.deskflow.support.lifecycle.Rounds;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Forgets applied event ids past {@code deskflow.ai.consumer.processed-retention}, hourly
 * and in bounded batches, so that {@code processed_events} does not grow by one row per
 * event forever. It works across tenants, as the service's login role.
 */
@Component
class ProcessedEventsPruning extends Rounds {

	/**
	 * Rows one statement deletes at most, so that one prune stays a short transaction.
	 */
	static final int BATCH = 10_000;

	private static final Duration INTERVAL = Duration.ofHours(1);

	private final DatabaseClient database;

	private final Duration retention;

	ProcessedEventsPruning(DatabaseClient database, AiProperties properties) {
		super("Pruning processed event ids", LoggerFactory.getLogger(ProcessedEventsPruning.class), true, INTERVAL,
				INTERVAL);
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
	protected Mono<Long> round() {
		return prune();
	}

}
