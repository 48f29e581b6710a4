package dev.deskflow.ticket.identity;

import java.util.Optional;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Logs a user in with tenant, e-mail and password. A wrong tenant, e-mail or password and
 * an inactive user all get the same 401 after the same bcrypt work, so the answer tells
 * nothing about which accounts exist.
 */
@Component
class LogIn {

	private final UserRepository users;

	private final Passwords passwords;

	private final LoginAttempts attempts;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final TenantTransactions transactions;

	LogIn(UserRepository users, Passwords passwords, LoginAttempts attempts, AccessTokens accessTokens,
			RefreshTokens refreshTokens, TenantTransactions transactions) {
		this.transactions = transactions;
		this.users = users;
		this.passwords = passwords;
		this.attempts = attempts;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
	}

	Mono<TokenResponse> logIn(String tenant, String rawEmail, String password, String address) {
		String email = Emails.normalised(rawEmail);
		Mono<Optional<User>> verified = this.users.findForLogin(tenant, email)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((found) -> this.passwords.matches(password, found.map(User::passwordHash).orElse(null))
				.map((matches) -> found.filter((user) -> matches && user.active())));
		return this.attempts.checkAllowed(tenant, email, address)
			.then(verified)
			.flatMap(
					(found) -> found
						.map((user) -> this.attempts.reset(tenant, email)
							.then(Mono.zip(this.accessTokens.issue(user),
									this.transactions.inTenant(user.tenantId(),
											() -> this.refreshTokens.issue(user, null))))
							.map((tokens) -> TokenResponse.of(tokens.getT1(), tokens.getT2())))
						.orElseGet(() -> this.attempts.recordFailure(tenant, email, address)
							.then(Mono.error(LogIn::rejected))));
	}

	static ProblemException rejected() {
		return ProblemException.unauthorized("The tenant, e-mail or password is wrong.");
	}

}
