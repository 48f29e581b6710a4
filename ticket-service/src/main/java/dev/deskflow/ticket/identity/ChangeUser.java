package dev.deskflow.ticket.identity;

import java.util.UUID;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * An admin renames a user of their tenant, changes their role, or (de)activates them.
 * Deactivation ends the user's sessions at once (their refresh tokens are revoked; an
 * access token already issued runs out within its short lifetime). An admin cannot
 * deactivate or demote themselves, so a tenant keeps the admin who is acting.
 */
@Component
class ChangeUser {

	private final UserRepository users;

	private final RefreshTokens refreshTokens;

	private final TenantTransactions transactions;

	ChangeUser(UserRepository users, RefreshTokens refreshTokens, TenantTransactions transactions) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.transactions = transactions;
	}

	Mono<User> change(Caller admin, UUID userId, String name, Role role, Boolean active) {
		if (admin.userId().equals(userId) && (Boolean.FALSE.equals(active) || (role != null && role != Role.ADMIN))) {
			return Mono.error(ProblemException.conflict("You cannot deactivate or demote yourself."));
		}
		return this.transactions
			.inTenant(admin.tenantId(),
					() -> this.users
						.update(admin.tenantId(), userId, (name != null) ? name.strip() : null, role, active)
						.flatMap((user) -> user.active() ? Mono.just(user)
								: this.refreshTokens.revokeUser(user.tenantId(), user.id()).thenReturn(user)))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("User " + userId)));
	}

}
