package dev.deskflow.ticket.macro;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * SQL of macros, and the names a template shows. Every statement names its tenant and
 * runs inside {@code TenantTransactions}.
 */
@Repository
class MacroRepository {

	private static final String COLUMNS = "id, tenant_id, name, actions::text as actions, reply_template, "
			+ "reply_internal, created_at, updated_at";

	private final DatabaseClient database;

	private final JsonMapper json;

	MacroRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/** A user as a template names them. */
	record Person(String name, String email) {
	}

	Mono<Void> insert(Macro macro) {
		return bind(this.database.sql("insert into macros (id, tenant_id, name, actions, reply_template, "
				+ "reply_internal, created_at, updated_at) values (:id, :tenantId, :name, cast(:actions as jsonb), "
				+ ":reply, :internal, :createdAt, :updatedAt)"), macro)
			.bind("createdAt", macro.createdAt())
			.then();
	}

	Mono<Boolean> update(Macro macro) {
		return bind(this.database.sql("update macros set name = :name, actions = cast(:actions as jsonb), "
				+ "reply_template = :reply, reply_internal = :internal, updated_at = :updatedAt "
				+ "where tenant_id = :tenantId and id = :id"), macro)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Boolean> delete(UUID tenantId, UUID id) {
		return this.database.sql("delete from macros where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Macro> find(UUID tenantId, UUID id) {
		return this.database.sql("select " + COLUMNS + " from macros where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.map(this::macro)
			.one();
	}

	Flux<Macro> list(UUID tenantId, int limit) {
		return this.database
			.sql("select " + COLUMNS + " from macros where tenant_id = :tenantId order by lower(name), id limit :limit")
			.bind("tenantId", tenantId)
			.bind("limit", limit)
			.map(this::macro)
			.all();
	}

	Mono<Person> person(UUID tenantId, UUID userId) {
		return this.database.sql("select name, email from users where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", userId)
			.map((row) -> new Person(row.get("name", String.class), row.get("email", String.class)))
			.one()
			.defaultIfEmpty(new Person("", ""));
	}

	private GenericExecuteSpec bind(GenericExecuteSpec spec, Macro macro) {
		spec = spec.bind("id", macro.id())
			.bind("tenantId", macro.tenantId())
			.bind("name", macro.name())
			.bind("actions", this.json.writeValueAsString(macro.actions()))
			.bind("internal", macro.reply() != null && macro.reply().internalNote())
			.bind("updatedAt", macro.updatedAt());
		return (macro.reply() != null) ? spec.bind("reply", macro.reply().body())
				: spec.bindNull("reply", String.class);
	}

	private Macro macro(Readable row) {
		String reply = row.get("reply_template", String.class);
		return new Macro(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("name", String.class),
				this.json.readValue(row.get("actions", String.class), TicketActions.class),
				(reply != null) ? new Macro.Reply(reply, row.get("reply_internal", Boolean.class)) : null,
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}

}
