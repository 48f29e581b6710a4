package dev.deskflow.ticket.identity;

import java.time.Instant;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;

/**
 * A user of one tenant, as stored.
 *
 * @param id the user's id
 * @param tenantId the tenant's id
 * @param tenant the tenant's slug
 * @param email the log-in e-mail, lower case
 * @param name the display name
 * @param passwordHash the bcrypt hash
 * @param role the role
 * @param active whether the user may log in
 * @param createdAt when the user was created
 */
record User(UUID id, UUID tenantId, String tenant, String email, String name, String passwordHash, Role role,
		boolean active, Instant createdAt) {

	UserView view() {
		return new UserView(this.id, this.email, this.name, this.role, this.active, this.createdAt);
	}

	/**
	 * A user as the API shows it: never the hash.
	 *
	 * @param id the user's id
	 * @param email the log-in e-mail
	 * @param name the display name
	 * @param role the role
	 * @param active whether the user may log in
	 * @param createdAt when the user was created
	 */
	record UserView(UUID id, String email, String name, Role role, boolean active, Instant createdAt) {
	}

}
