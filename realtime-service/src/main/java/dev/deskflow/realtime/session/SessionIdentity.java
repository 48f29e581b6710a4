package dev.deskflow.realtime.session;

import java.time.Instant;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;

/**
 * Who holds a socket, taken from the access token the connect ticket was issued for.
 *
 * @param userId the user
 * @param tenant the tenant's slug
 * @param tenantId the tenant's id
 * @param role the role
 * @param expiresAt when the token expires, and with it the session unless it
 * re-authenticates
 */
record SessionIdentity(UUID userId, TenantId tenant, UUID tenantId, Role role, Instant expiresAt) {

	String encode() {
		return this.userId + "|" + this.tenant + "|" + this.tenantId + "|" + this.role + "|"
				+ this.expiresAt.getEpochSecond();
	}

	static SessionIdentity decode(String value) {
		String[] parts = value.split("\\|");
		return new SessionIdentity(UUID.fromString(parts[0]), TenantId.of(parts[1]), UUID.fromString(parts[2]),
				Role.valueOf(parts[3]), Instant.ofEpochSecond(Long.parseLong(parts[4])));
	}

	boolean isStaff() {
		return this.role.isStaff();
	}

	boolean sameUser(SessionIdentity other) {
		return this.userId.equals(other.userId) && this.tenant.equals(other.tenant) && this.role == other.role;
	}

}
