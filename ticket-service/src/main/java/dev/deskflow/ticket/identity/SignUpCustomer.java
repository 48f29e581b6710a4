package dev.deskflow.ticket.identity;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A customer creates their own account in a tenant. A taken e-mail answers 409: sign-up
 * cannot hide which accounts exist without an e-mail round trip, which comes later.
 */
@Component
class SignUpCustomer {

	private final TenantRepository tenants;

	private final UserRepository users;

	private final Passwords passwords;

	private final TenantTransactions transactions;

	SignUpCustomer(TenantRepository tenants, UserRepository users, Passwords passwords,
			TenantTransactions transactions) {
		this.tenants = tenants;
		this.users = users;
		this.passwords = passwords;
		this.transactions = transactions;
	}

	Mono<User> signUp(String tenant, String email, String password, String name) {
		return this.tenants.findBySlug(tenant)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Tenant '" + tenant + "'")))
			.flatMap((found) -> this.passwords.hash(password)
				.flatMap((hash) -> this.transactions.inTenant(found.id(), () -> this.users.insert(found.id(),
						Emails.normalised(email), name.strip(), hash, Role.CUSTOMER))));
	}

}
