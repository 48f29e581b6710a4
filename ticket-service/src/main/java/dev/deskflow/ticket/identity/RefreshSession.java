package dev.deskflow.ticket.identity;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Trades a refresh token for a new access token and a new refresh token of the same
 * family. A token that was already used revokes its family, newest token included: one of
 * the two parties holding it is not the user. The user's current role goes into the new
 * access token; a deactivated user gets nothing and loses the family.
 */
@Component
class RefreshSession {

	private static final Logger logger = LoggerFactory.getLogger(RefreshSession.class);

	private final RefreshTokens refreshTokens;

	private final UserRepository users;

	private final AccessTokens accessTokens;

	private final TransactionalOperator transactions;

	private final TenantTransactions tenantTransactions;

	RefreshSession(RefreshTokens refreshTokens, UserRepository users, AccessTokens accessTokens,
			TransactionalOperator transactions, TenantTransactions tenantTransactions) {
		this.tenantTransactions = tenantTransactions;
		this.refreshTokens = refreshTokens;
		this.users = users;
		this.accessTokens = accessTokens;
		this.transactions = transactions;
	}

	Mono<TokenResponse> refresh(String token) {
		// The revocation of a reused family must commit, so the transaction completes
		// empty and the 401 is raised after it.
		return this.refreshTokens.use(token)
			.flatMap(this::continueFamily)
			.as(this.transactions::transactional)
			.switchIfEmpty(Mono.error(() -> ProblemException
				.unauthorized("The refresh token is invalid, expired or revoked. Log in again.")));
	}

	private Mono<TokenResponse> continueFamily(RefreshTokens.Use use) {
		if (use instanceof RefreshTokens.Use.Valid valid) {
			// the token named its tenant: the rest of the transaction is bound to it
			return this.tenantTransactions.inTenant(valid.tenantId(), () -> this.users
				.findById(valid.tenantId(), valid.userId())
				.filter(User::active)
				.flatMap((user) -> Mono.zip(this.accessTokens.issue(user),
						this.refreshTokens.issue(user, valid.familyId())))
				.map((tokens) -> TokenResponse.of(tokens.getT1(), tokens.getT2()))
				.switchIfEmpty(Mono.defer(() -> this.refreshTokens.revokeFamily(valid.familyId()).then(Mono.empty()))));
		}
		if (use instanceof RefreshTokens.Use.Reused reused) {
			logger.warn("A rotated refresh token was used again; revoked its family {}", reused.familyId());
		}
		return Mono.empty();
	}

}
