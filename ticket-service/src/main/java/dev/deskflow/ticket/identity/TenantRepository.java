package dev.deskflow.ticket.identity;

import java.time.Instant;
import java.util.UUID;

import dev.deskflow.support.problem.ProblemException;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class TenantRepository {

	private final DatabaseClient database;

	TenantRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Tenant> findBySlug(String slug) {
		return this.database.sql("select id, slug, name, created_at from tenants where slug = :slug")
			.bind("slug", slug)
			.map(TenantRepository::tenant)
			.one();
	}

	/**
	 * @param slug the new tenant's slug
	 * @param name its name
	 * @return the tenant; a 409 problem if the slug is taken
	 */
	Mono<Tenant> insert(String slug, String name) {
		return this.database
			.sql("insert into tenants (id, slug, name) values (:id, :slug, :name) returning id, slug, name, created_at")
			.bind("id", Ids.next())
			.bind("slug", slug)
			.bind("name", name)
			.map(TenantRepository::tenant)
			.one()
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> ProblemException.conflict("A tenant with the slug '" + slug + "' exists."));
	}

	private static Tenant tenant(Readable row) {
		return new Tenant(row.get("id", UUID.class), row.get("slug", String.class), row.get("name", String.class),
				row.get("created_at", Instant.class));
	}

}
