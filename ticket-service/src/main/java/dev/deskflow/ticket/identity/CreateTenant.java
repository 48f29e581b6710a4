package dev.deskflow.ticket.identity;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Creates a tenant and its first admin in one transaction: a tenant never exists without
 * someone who can run it.
 */
@Component
class CreateTenant {

	private final TenantRepository tenants;

	private final UserRepository users;

	private final Passwords passwords;

	private final TransactionalOperator transactions;

	private final TenantTransactions tenantTransactions;

	CreateTenant(TenantRepository tenants, UserRepository users, Passwords passwords,
			TransactionalOperator transactions, TenantTransactions tenantTransactions) {
		this.tenantTransactions = tenantTransactions;
		this.tenants = tenants;
		this.users = users;
		this.passwords = passwords;
		this.transactions = transactions;
	}

	Mono<Created> create(String slug, String name, String adminEmail, String adminName, String adminPassword) {
		// Hash first: the transaction should not wait on bcrypt.
		return this.passwords.hash(adminPassword)
			.flatMap((hash) -> this.tenants.insert(slug, name.strip())
				.flatMap((tenant) -> this.tenantTransactions
					.inTenant(tenant.id(),
							() -> this.users.insert(tenant.id(), Emails.normalised(adminEmail), adminName.strip(), hash,
									Role.ADMIN))
					.map((admin) -> new Created(tenant, admin)))
				.as(this.transactions::transactional));
	}

	/**
	 * @param tenant the new tenant
	 * @param admin its first admin
	 */
	record Created(Tenant tenant, User admin) {
	}

}
