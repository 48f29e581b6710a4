package dev.deskflow.ticket.identity;

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
 * Who is calling: read from the request's verified access token, never from anything else
 * the client sends. Every endpoint of ticket-service that is not public has one.
 *
 * @param userId the user ({@code sub})
 * @param tenantId the tenant's id ({@code tenant_id}), the key of ticket-service's rows
 * @param tenant the tenant's slug ({@code tenant}), for events, metrics, Redis keys and
 * logs
 * @param role the user's role ({@code roles})
 */
public record Caller(UUID userId, UUID tenantId, TenantId tenant, Role role) {

	/**
	 * Checks that every part is present.
	 * @param userId the user
	 * @param tenantId the tenant's id
	 * @param tenant the tenant's slug
	 * @param role the user's role
	 */
	public Caller {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(role, "role");
	}

	/**
	 * The caller of the current request.
	 * @return the caller; an error with a 401 {@code ProblemException} when the request
	 * carries no verified access token (only on public endpoints)
	 */
	public static Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((authentication) -> (authentication.getDetails() instanceof Caller caller) ? caller
					: from(((JwtAuthenticationToken) authentication).getToken()))
			.switchIfEmpty(Mono.error(() -> ProblemException.unauthorized("Send an access token.")));
	}

	/**
	 * @return whether the caller is support staff ({@code AGENT} or {@code ADMIN}), who
	 * see every ticket of the tenant and internal notes
	 */
	public boolean isStaff() {
		return this.role.isStaff();
	}

	/**
	 * Reads the caller from a verified token.
	 * @param jwt the token
	 * @return the caller
	 * @throws InvalidBearerTokenException if a claim of decision 004 is missing or
	 * malformed
	 */
	static Caller from(Jwt jwt) {
		try {
			List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES);
			if (roles == null || roles.size() != 1) {
				throw new IllegalArgumentException("expected one role");
			}
			return new Caller(UUID.fromString(jwt.getSubject()),
					UUID.fromString(jwt.getClaimAsString(AccessTokens.TENANT_ID)),
					TenantId.of(jwt.getClaimAsString(AccessTokens.TENANT)), Role.valueOf(roles.get(0)));
		}
		catch (RuntimeException ex) {
			throw new InvalidBearerTokenException("The access token lacks Deskflow's claims");
		}
	}

}
