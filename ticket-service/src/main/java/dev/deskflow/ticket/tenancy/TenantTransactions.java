package dev.deskflow.ticket.tenancy;

import java.util.UUID;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Runs a request's database work in one transaction bound to the caller's tenant: the
 * transaction assumes the {@code deskflow_ticket_tenant} role and sets
 * {@code deskflow.tenant_id}, so PostgreSQL's row-level security hides every other
 * tenant's rows even from a query that forgets its {@code tenant_id} predicate. The work
 * runs with the tenant's rules version in its Reactor context ({@link TenantRules}).
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
	 * @param tenantId the caller's tenant, from the verified token only
	 * @param work the work, subscribed inside the transaction
	 * @return the work's result, committed
	 */
	public <T> Mono<T> inTenant(UUID tenantId, Supplier<Mono<T>> work) {
		return this.transactions.transactional(bind(tenantId).flatMap((rulesVersion) -> Mono.defer(work)
			.contextWrite((context) -> TenantRules.bound(context, tenantId, rulesVersion))));
	}

	/**
	 * @param <T> the element type
	 * @param tenantId the caller's tenant, from the verified token only
	 * @param work the work, subscribed inside the transaction
	 * @return the work's results, committed
	 */
	public <T> Flux<T> inTenantMany(UUID tenantId, Supplier<Flux<T>> work) {
		return this.transactions.transactional(bind(tenantId).flatMapMany((rulesVersion) -> Flux.defer(work)
			.contextWrite((context) -> TenantRules.bound(context, tenantId, rulesVersion))));
	}

	/**
	 * Binds the transaction to the tenant and reads the tenant's rules version
	 * ({@link TenantRules}) in the same round trip.
	 */
	private Mono<Long> bind(UUID tenantId) {
		return this.database
			.sql("select set_config('role', 'deskflow_ticket_tenant', true), "
					+ "set_config('deskflow.tenant_id', :tenant, true), "
					+ "coalesce((select rules_version from tenants where id = :id), -1) as rules_version")
			.bind("tenant", tenantId.toString())
			.bind("id", tenantId)
			.map((row) -> row.get("rules_version", Long.class))
			.one();
	}

}
