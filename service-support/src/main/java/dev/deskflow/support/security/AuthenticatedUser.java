package dev.deskflow.support.security;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.support.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the request's verified access token (decision 004) and from
 * nothing else the client sends.
 *
 * @param userId the user ({@code sub})
 * @param tenantId the tenant's id ({@code tenant_id})
 * @param tenant the tenant's slug ({@code tenant}), for events, metrics, Redis keys and
 * logs
 * @param role the user's one role ({@code roles})
 */
public record AuthenticatedUser(UUID userId, UUID tenantId, TenantId tenant, Role role) {

	/** The claim with the tenant's slug. */
	public static final String TENANT = "tenant";

	/** The claim with the tenant's id. */
	public static final String TENANT_ID = "tenant_id";

	/** The claim with the user's roles (exactly one). */
	public static final String ROLES = "roles";

	/**
	 * Checks that every part is present.
	 * @param userId the user
	 * @param tenantId the tenant's id
	 * @param tenant the tenant's slug
	 * @param role the role
	 */
	public AuthenticatedUser {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(role, "role");
	}

	/**
	 * The user of the current request.
	 * @return the user; an error with a 401 {@link ProblemException} when the request
	 * carries no verified access token (only possible on public paths)
	 */
	public static Mono<AuthenticatedUser> current() {
		return currentToken().map(AuthenticatedUser::from);
	}

	/**
	 * The verified token of the current request, for callers that need more than the
	 * user, such as its expiry.
	 * @return the token; an error with a 401 {@link ProblemException} without one
	 */
	public static Mono<Jwt> currentToken() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((authentication) -> ((JwtAuthenticationToken) authentication).getToken())
			.switchIfEmpty(Mono.error(() -> ProblemException.unauthorized("Send an access token.")));
	}

	/**
	 * Reads the user from a verified token.
	 * @param jwt the token, already verified
	 * @return the user
	 * @throws InvalidBearerTokenException if a claim of decision 004 is missing or
	 * malformed, which Spring Security answers with 401
	 */
	public static AuthenticatedUser from(Jwt jwt) {
		try {
			List<String> roles = jwt.getClaimAsStringList(ROLES);
			if (roles == null || roles.size() != 1) {
				throw new IllegalArgumentException("expected one role");
			}
			return new AuthenticatedUser(UUID.fromString(jwt.getSubject()),
					UUID.fromString(jwt.getClaimAsString(TENANT_ID)), TenantId.of(jwt.getClaimAsString(TENANT)),
					Role.valueOf(roles.get(0)));
		}
		catch (RuntimeException ex) {
			throw new InvalidBearerTokenException("The access token lacks Deskflow's claims");
		}
	}

	/**
	 * @return whether the user is support staff ({@code AGENT} or {@code ADMIN})
	 */
	public boolean isStaff() {
		return this.role.isStaff();
	}

}
