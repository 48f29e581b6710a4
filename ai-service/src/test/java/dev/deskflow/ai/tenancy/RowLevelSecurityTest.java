package dev.deskflow.ai.tenancy;

import java.util.List;
import java.util.UUID;

import dev.deskflow.ai.AiServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's row-level security backs up every statement's tenant predicate: inside a
 * tenant-bound transaction, a statement that names no tenant sees, and may write, only
 * the bound tenant's rows, in every table that holds a tenant's data.
 */
class RowLevelSecurityTest extends AiServiceTestBase {

	private static final List<String> TENANT_TABLES = List.of("processed_events", "documents", "feedback",
			"model_versions", "training_jobs");

	@Autowired
	DatabaseClient database;

	@Autowired
	TenantTransactions tenants;

	private final String acme = tenant("acme");

	private final String globex = tenant("globex");

	@BeforeEach
	void bothTenantsHaveRowsInEveryTable() {
		// written as the service's login role, which row-level security does not restrict
		for (String tenant : List.of(this.acme, this.globex)) {
			UUID id = UUID.randomUUID();
			this.database.sql(
					"insert into processed_events (event_id, tenant_id, event_type) values (:id, :tenant, 'ticket.created')")
				.bind("id", id)
				.bind("tenant", tenant)
				.then()
				.then(this.database
					.sql("insert into documents (tenant_id, id, kind, title, body, status)"
							+ " values (:tenant, :id, 'TICKET', 'Printer', 'It jams', 'SOLVED')")
					.bind("tenant", tenant)
					.bind("id", id)
					.then())
				.then(this.database
					.sql("insert into feedback (id, tenant_id, user_id, item_kind, item_id, helpful)"
							+ " values (:id, :tenant, :id, 'TICKET', :id, true)")
					.bind("id", id)
					.bind("tenant", tenant)
					.then())
				.then(this.database
					.sql("insert into model_versions (tenant_id, version, corpus_size, parameters, metrics, file)"
							+ " values (:tenant, 1, 10, '{}', '{}', 'v1.vectors')")
					.bind("tenant", tenant)
					.then())
				.then(this.database
					.sql("insert into training_jobs (id, tenant_id, status) values (:id, :tenant, 'SUCCEEDED')")
					.bind("id", id)
					.bind("tenant", tenant)
					.then())
				.block();
		}
	}

	@Test
	void aStatementWithoutATenantPredicateSeesOnlyTheBoundTenantsRows() {
		for (String table : TENANT_TABLES) {
			assertThat(this.database.sql("select tenant_id from " + table + " where tenant_id in (:a, :g)")
				.bind("a", this.acme)
				.bind("g", this.globex)
				.map((row) -> row.get(0, String.class))
				.all()
				.distinct()
				.collectList()
				.block()).as("%s as the login role", table).containsExactlyInAnyOrder(this.acme, this.globex);
			this.tenants
				.inTenantMany(this.acme,
						() -> this.database.sql("select tenant_id from " + table)
							.map((row) -> row.get(0, String.class))
							.all())
				.distinct()
				.as(StepVerifier::create)
				.as(table + " seen by a tenant-bound statement without a tenant predicate")
				.expectNext(this.acme)
				.verifyComplete();
		}
	}

	@Test
	void aTenantBoundStatementCannotWriteAnotherTenantsRows() {
		this.tenants
			.inTenant(this.acme,
					() -> this.database.sql("update documents set title = 'Taken over' where tenant_id = :other")
						.bind("other", this.globex)
						.fetch()
						.rowsUpdated())
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
		this.tenants
			.inTenant(this.acme,
					() -> this.database
						.sql("insert into training_jobs (id, tenant_id, status) values (:id, :other, 'RUNNING')")
						.bind("id", UUID.randomUUID())
						.bind("other", this.globex)
						.then())
			.as(StepVerifier::create)
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("row-level security"))
			.verify();
	}

}
