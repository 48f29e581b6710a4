package dev.deskflow.ai.tenancy;

import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Runs database work in one transaction bound to a tenant: the transaction assumes the
 * {@code deskflow_ai_tenant} role and sets {@code deskflow.tenant_id}, so PostgreSQL's
 * row-level security (V4) hides every other tenant's corpus, feedback, models and jobs
 * even from a statement that forgot its {@code tenant_id} predicate. The tenant is the
 * verified token's or the event's, never a client's field.
 * <p>
 * Inside a transaction that is already bound, the work joins it (and binds the same
 * tenant again, which changes nothing).
 */
@Component
public class TenantTransactions {

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	TenantTransactions(DatabaseClient database, TransactionalOperator transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	/**
	 * @param <T> the result type
	 * @param tenant the tenant
	 * @param work the work, subscribed inside the transaction
	 * @return the work's result, committed
	 */
	public <T> Mono<T> inTenant(String tenant, Supplier<Mono<T>> work) {
		return this.transactions.transactional(bind(tenant).then(Mono.defer(work)));
	}

	/**
	 * @param <T> the element type
	 * @param tenant the tenant
	 * @param work the work, subscribed inside the transaction
	 * @return the work's results, committed
	 */
	public <T> Flux<T> inTenantMany(String tenant, Supplier<Flux<T>> work) {
		return this.transactions.transactional(bind(tenant).thenMany(Flux.defer(work)));
	}

	private Mono<Void> bind(String tenant) {
		return this.database.sql(
				"select set_config('role', 'deskflow_ai_tenant', true), set_config('deskflow.tenant_id', :tenant, true)")
			.bind("tenant", tenant)
			.then();
	}

}
