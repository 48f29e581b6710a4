package dev.deskflow.ticket.importing;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * SQL of import jobs, their rejected rows and the imported tickets. Runs inside
 * {@code TenantTransactions}.
 */
@Repository
class ImportRepository {

	private static final String JOB_COLUMNS = "id, tenant_id, created_by, layout, status, rows_read, accepted, "
			+ "duplicates, rejected, failure, created_at, updated_at, finished_at";

	private final DatabaseClient database;

	ImportRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<ImportJob> create(UUID id, UUID tenantId, UUID createdBy, String layout, Instant now) {
		return this.database
			.sql("insert into import_jobs (id, tenant_id, created_by, layout, status, created_at, updated_at) "
					+ "values (:id, :tenantId, :createdBy, :layout, 'RUNNING', :now, :now) returning " + JOB_COLUMNS)
			.bind("id", id)
			.bind("tenantId", tenantId)
			.bind("createdBy", createdBy)
			.bind("layout", layout)
			.bind("now", now)
			.map(ImportRepository::job)
			.one();
	}

	Mono<ImportJob> find(UUID tenantId, UUID id) {
		return this.database.sql("select " + JOB_COLUMNS + " from import_jobs where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.map(ImportRepository::job)
			.one();
	}

	Flux<ImportViews.RejectedRowView> rejections(UUID tenantId, UUID jobId, int limit) {
		return this.database
			.sql("select line, external_id, reason from import_rejections where tenant_id = :tenantId "
					+ "and job_id = :jobId order by line limit :limit")
			.bind("tenantId", tenantId)
			.bind("jobId", jobId)
			.bind("limit", limit)
			.map((row) -> new ImportViews.RejectedRowView(row.get("line", Long.class),
					row.get("external_id", String.class), row.get("reason", String.class)))
			.all();
	}

	Mono<Void> progress(UUID tenantId, UUID jobId, long read, long accepted, long duplicates, long rejected) {
		return this.database
			.sql("update import_jobs set rows_read = rows_read + :read, accepted = accepted + :accepted, "
					+ "duplicates = duplicates + :duplicates, rejected = rejected + :rejected, updated_at = now() "
					+ "where tenant_id = :tenantId and id = :id")
			.bind("read", read)
			.bind("accepted", accepted)
			.bind("duplicates", duplicates)
			.bind("rejected", rejected)
			.bind("tenantId", tenantId)
			.bind("id", jobId)
			.then();
	}

	Mono<Void> finish(UUID tenantId, UUID jobId, String failure) {
		GenericExecuteSpec spec = this.database
			.sql("update import_jobs set status = :status, failure = :failure, updated_at = now(), finished_at = now() "
					+ "where tenant_id = :tenantId and id = :id")
			.bind("status", (failure != null) ? "FAILED" : "SUCCEEDED")
			.bind("tenantId", tenantId)
			.bind("id", jobId);
		return ((failure != null) ? spec.bind("failure", failure) : spec.bindNull("failure", String.class)).then();
	}

	Mono<Void> reject(UUID tenantId, UUID jobId, long line, String externalId, String reason) {
		GenericExecuteSpec spec = this.database
			.sql("insert into import_rejections (job_id, tenant_id, line, external_id, reason) "
					+ "values (:jobId, :tenantId, :line, :externalId, :reason) on conflict do nothing")
			.bind("jobId", jobId)
			.bind("tenantId", tenantId)
			.bind("line", line)
			.bind("reason", reason);
		return ((externalId != null) ? spec.bind("externalId", externalId) : spec.bindNull("externalId", String.class))
			.then();
	}

	/**
	 * @return whether the ticket was written; false when its external id was imported
	 * before
	 */
	Mono<Boolean> insertTicket(UUID id, UUID tenantId, UUID requesterId, ImportedTicket ticket, Instant createdAt,
			Instant now) {
		GenericExecuteSpec spec = this.database
			.sql("insert into tickets (id, tenant_id, subject, description, status, priority, category, tags, "
					+ "requester_id, channel, created_at, updated_at, solved_at, external_id) values (:id, :tenantId, "
					+ ":subject, :description, :status, :priority, :category, :tags, :requesterId, 'IMPORT', "
					+ ":createdAt, :now, :solvedAt, :externalId) on conflict (tenant_id, external_id) do nothing")
			.bind("id", id)
			.bind("tenantId", tenantId)
			.bind("subject", ticket.subject())
			.bind("description", ticket.description())
			.bind("status", ticket.status().name())
			.bind("priority", ticket.priority().name())
			.bind("tags", ticket.tags().toArray(String[]::new))
			.bind("requesterId", requesterId)
			.bind("createdAt", createdAt)
			.bind("now", now)
			.bind("externalId", ticket.externalId());
		spec = (ticket.category() != null) ? spec.bind("category", ticket.category())
				: spec.bindNull("category", String.class);
		spec = (ticket.solvedAt() != null) ? spec.bind("solvedAt", ticket.solvedAt())
				: spec.bindNull("solvedAt", Instant.class);
		return spec.fetch().rowsUpdated().map((rows) -> rows > 0);
	}

	private static ImportJob job(Readable row) {
		return new ImportJob(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
				row.get("created_by", UUID.class), row.get("layout", String.class), row.get("status", String.class),
				row.get("rows_read", Long.class), row.get("accepted", Long.class), row.get("duplicates", Long.class),
				row.get("rejected", Long.class), row.get("failure", String.class), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class), row.get("finished_at", Instant.class));
	}

}
