package dev.deskflow.ticket.identity;

import java.time.Instant;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.support.problem.ProblemException;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Users, always read and written within one tenant: every query has the tenant in its
 * predicate.
 */
@Repository
class UserRepository {

	private static final String COLUMNS = """
			u.id, u.tenant_id, t.slug, u.email, u.name, u.password_hash, u.role, u.active, u.created_at""";

	private final DatabaseClient database;

	UserRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * @param tenant the tenant's slug as typed at log-in
	 * @param email the e-mail, lower case
	 * @return the user, or empty when the tenant or the user does not exist
	 */
	Mono<User> findForLogin(String tenant, String email) {
		return this.database.sql("select " + COLUMNS + """
				 from users u join tenants t on t.id = u.tenant_id
				where t.slug = :tenant and lower(u.email) = :email""")
			.bind("tenant", tenant)
			.bind("email", email)
			.map(UserRepository::user)
			.one();
	}

	Mono<User> findById(UUID tenantId, UUID id) {
		return this.database.sql("select " + COLUMNS + """
				 from users u join tenants t on t.id = u.tenant_id
				where u.tenant_id = :tenant and u.id = :id""")
			.bind("tenant", tenantId)
			.bind("id", id)
			.map(UserRepository::user)
			.one();
	}

	/**
	 * One page of a tenant's users in id (creation) order.
	 * @param tenantId the tenant
	 * @param after the last id of the previous page, or {@code null} for the first
	 * @param role only users of this role, or {@code null} for all
	 * @param active only active or inactive users, or {@code null} for both
	 * @param limit the most users to return
	 * @return the users
	 */
	Flux<User> page(UUID tenantId, UUID after, Role role, Boolean active, int limit) {
		StringBuilder sql = new StringBuilder(
				"select " + COLUMNS + " from users u join tenants t on t.id = u.tenant_id where u.tenant_id = :tenant");
		if (after != null) {
			sql.append(" and u.id > :after");
		}
		if (role != null) {
			sql.append(" and u.role = :role");
		}
		if (active != null) {
			sql.append(" and u.active = :active");
		}
		sql.append(" order by u.id limit :limit");
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(sql.toString())
			.bind("tenant", tenantId)
			.bind("limit", limit);
		if (after != null) {
			spec = spec.bind("after", after);
		}
		if (role != null) {
			spec = spec.bind("role", role.name());
		}
		if (active != null) {
			spec = spec.bind("active", active);
		}
		return spec.map(UserRepository::user).all();
	}

	/**
	 * @return the stored user; a 409 problem if the tenant has a user with that e-mail
	 */
	Mono<User> insert(UUID tenantId, String email, String name, String passwordHash, Role role) {
		UUID id = Ids.next();
		return this.database.sql("""
				insert into users (id, tenant_id, email, name, password_hash, role)
				values (:id, :tenant, :email, :name, :hash, :role)""")
			.bind("id", id)
			.bind("tenant", tenantId)
			.bind("email", email)
			.bind("name", name)
			.bind("hash", passwordHash)
			.bind("role", role.name())
			.then()
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> ProblemException.conflict("This tenant has a user with the e-mail " + email + "."))
			.then(Mono.defer(() -> findById(tenantId, id)));
	}

	/**
	 * Changes the fields that are not {@code null}.
	 * @return the changed user, or empty if the tenant has no such user
	 */
	Mono<User> update(UUID tenantId, UUID id, String name, Role role, Boolean active) {
		DatabaseClient.GenericExecuteSpec spec = this.database.sql("""
				update users set name = coalesce(:name, name), role = coalesce(:role, role),
				    active = coalesce(:active, active)
				where tenant_id = :tenant and id = :id""").bind("tenant", tenantId).bind("id", id);
		spec = (name != null) ? spec.bind("name", name) : spec.bindNull("name", String.class);
		spec = (role != null) ? spec.bind("role", role.name()) : spec.bindNull("role", String.class);
		spec = (active != null) ? spec.bind("active", active) : spec.bindNull("active", Boolean.class);
		return spec.fetch().rowsUpdated().filter((rows) -> rows > 0).flatMap((rows) -> findById(tenantId, id));
	}

	private static User user(Readable row) {
		return new User(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("slug", String.class),
				row.get("email", String.class), row.get("name", String.class), row.get("password_hash", String.class),
				Role.valueOf(row.get("role", String.class)), Boolean.TRUE.equals(row.get("active", Boolean.class)),
				row.get("created_at", Instant.class));
	}

}
