package dev.deskflow.ticket.report;

import dev.deskflow.support.lifecycle.Rounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Folds the report deltas the ticket and rating triggers append (migration V21) into
 * {@code report_rollup}, oldest first, in batches: each batch is one statement that
 * deletes the deltas and adds their sums to the rollup rows, so a report (one statement
 * too) sees a delta either unfolded or folded, never both or neither. Safe with several
 * replicas: a batch runs only while holding a transaction-scoped advisory lock, and a
 * replica that does not get it skips the round. Writers only ever insert deltas, so
 * folding never blocks a ticket write.
 */
@Component
class RollupCompactor extends Rounds {

	private static final Logger log = LoggerFactory.getLogger(RollupCompactor.class);

	/**
	 * The advisory lock of the compaction ({@code hashtext('deskflow.report-rollup')}).
	 */
	private static final String FOLD = """
			with lock as (select pg_try_advisory_xact_lock(hashtext('deskflow.report-rollup')) as held),
			batch as (
			    delete from report_deltas d
			    where (select held from lock) and d.id in (select id from report_deltas order by id limit :batch)
			    returning d),
			folded as (
			    select (b.d).tenant_id, m.measure, m.slot, m.key, sum(m.n) as n
			    from batch b cross join lateral report_delta_measures(b.d) m
			    group by 1, 2, 3, 4 having sum(m.n) <> 0),
			added as (
			    insert into report_rollup (tenant_id, measure, slot, key, n)
			    select * from folded order by 1, 2, 3, 4
			    on conflict (tenant_id, measure, slot, key) do update set n = report_rollup.n + excluded.n)
			select count(*) as folded from batch""";

	private final DatabaseClient database;

	private final ReportProperties.Rollup settings;

	RollupCompactor(DatabaseClient database, ReportProperties properties) {
		super("Report rollup compaction", log, properties.rollup().compactionEnabled(),
				properties.rollup().compactionInterval(), properties.rollup().compactionInterval());
		this.database = database;
		this.settings = properties.rollup();
	}

	/**
	 * Folds batch after batch until fewer than a batch of deltas is left (or another
	 * replica holds the lock).
	 * @return how many deltas this round folded
	 */
	@Override
	protected Mono<Long> round() {
		return compact();
	}

	Mono<Long> compact() {
		return foldBatch().expand((folded) -> (folded == this.settings.compactionBatch()) ? foldBatch() : Mono.empty())
			.reduce(0L, Long::sum);
	}

	private Mono<Long> foldBatch() {
		return this.database.sql(FOLD)
			.bind("batch", this.settings.compactionBatch())
			.map((row) -> row.get("folded", Long.class))
			.one();
	}

}
