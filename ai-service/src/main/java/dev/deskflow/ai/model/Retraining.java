package dev.deskflow.ai.model;

import dev.deskflow.ai.AiProperties;
import dev.deskflow.ai.tenancy.TenantTransactions;
import dev.deskflow.support.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Schedules retraining: once a tenant has at least {@code models.min-solved-tickets}
 * solved tickets and {@code models.retrain-after-solved} more than its newest model was
 * trained on (or than zero, before its first model), a training job starts, exactly as if
 * an admin had asked. A job already running simply absorbs the trigger.
 */
@Component
public class Retraining {

	private static final Logger log = LoggerFactory.getLogger(Retraining.class);

	private final DatabaseClient database;

	private final TenantTransactions tenants;

	private final TrainingJobs jobs;

	private final AiProperties.Models settings;

	Retraining(DatabaseClient database, TenantTransactions tenants, TrainingJobs jobs, AiProperties properties) {
		this.database = database;
		this.tenants = tenants;
		this.jobs = jobs;
		this.settings = properties.models();
	}

	/**
	 * @param tenant a tenant one of whose tickets was just solved
	 * @return completes once a job was started or found not due; never fails
	 */
	public Mono<Void> ticketSolved(String tenant) {
		return this.tenants
			.inTenant(tenant, () -> this.database
				.sql("select (select count(*) from documents where tenant_id = :tenant and kind = 'TICKET'"
						+ " and status in ('SOLVED', 'CLOSED')) as solved, (select coalesce(max(corpus_size), 0)"
						+ " from model_versions where tenant_id = :tenant) as trained")
				.bind("tenant", tenant)
				.map((row) -> due(row.get("solved", Long.class), row.get("trained", Integer.class)))
				.one())
			.filter(Boolean::booleanValue)
			.flatMap((due) -> this.jobs.start(tenant))
			.doOnNext((job) -> log.info("Retraining tenant {}: job {}", tenant, job.id()))
			.onErrorResume(ProblemException.class, (running) -> Mono.empty())
			.onErrorResume((ex) -> {
				log.warn("Could not schedule retraining of tenant {}", tenant, ex);
				return Mono.empty();
			})
			.then();
	}

	private boolean due(long solved, int trained) {
		return solved >= this.settings.minSolvedTickets() && solved - trained >= this.settings.retrainAfterSolved();
	}

}
