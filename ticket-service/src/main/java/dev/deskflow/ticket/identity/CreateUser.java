package dev.deskflow.ticket.identity;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Staff create users in their own tenant: an admin any role, an agent customers only (for
 * example someone who phoned in).
 */
@Component
class CreateUser {

	private final UserRepository users;

	private final Passwords passwords;

	private final TenantTransactions transactions;

	CreateUser(UserRepository users, Passwords passwords, TenantTransactions transactions) {
		this.users = users;
		this.passwords = passwords;
		this.transactions = transactions;
	}

	Mono<User> create(Caller caller, String email, String name, Role role, String password) {
		if (!mayCreate(caller.role(), role)) {
			return Mono
				.error(ProblemException.forbidden("An " + caller.role() + " may not create " + role + " users."));
		}
		return this.passwords.hash(password)
			.flatMap((hash) -> this.transactions.inTenant(caller.tenantId(),
					() -> this.users.insert(caller.tenantId(), Emails.normalised(email), name.strip(), hash, role)));
	}

	static boolean mayCreate(Role creator, Role created) {
		return creator == Role.ADMIN || (creator == Role.AGENT && created == Role.CUSTOMER);
	}

}
