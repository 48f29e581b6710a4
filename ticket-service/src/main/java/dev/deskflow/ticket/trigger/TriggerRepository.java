package dev.deskflow.ticket.trigger;

import java.time.Instant;
import java.util.UUID;

import dev.deskflow.ticket.macro.TicketActions;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * SQL of triggers. Every statement names its tenant and runs inside
 * {@code TenantTransactions}.
 */
@Repository
class TriggerRepository {

	private static final String SELECT = "select id, tenant_id, name, event, active, position, "
			+ "conditions::text as conditions, actions::text as actions, created_at, updated_at from triggers "
			+ "where tenant_id = :tenantId";

	private final DatabaseClient database;

	private final JsonMapper json;

	TriggerRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	Mono<Void> insert(Trigger trigger) {
		return bind(this.database.sql("insert into triggers (id, tenant_id, name, event, active, position, "
				+ "conditions, actions, created_at, updated_at) values (:id, :tenantId, :name, :event, :active, "
				+ "coalesce(:position, (select coalesce(max(position), 0) + 1 from triggers where tenant_id = :tenantId)), "
				+ "cast(:conditions as jsonb), cast(:actions as jsonb), :createdAt, :updatedAt)"), trigger)
			.bind("createdAt", trigger.createdAt())
			.then();
	}

	Mono<Boolean> update(Trigger trigger) {
		return bind(this.database.sql("update triggers set name = :name, event = :event, active = :active, "
				+ "position = coalesce(:position, position), conditions = cast(:conditions as jsonb), "
				+ "actions = cast(:actions as jsonb), updated_at = :updatedAt where tenant_id = :tenantId and id = :id"),
				trigger)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Boolean> delete(UUID tenantId, UUID id) {
		return this.database.sql("delete from triggers where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Trigger> find(UUID tenantId, UUID id) {
		return this.database.sql(SELECT + " and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.map(this::trigger)
			.one();
	}

	/**
	 * @param activeOnly whether to leave inactive triggers out
	 * @return the tenant's triggers in the order they run
	 */
	Flux<Trigger> list(UUID tenantId, boolean activeOnly, int limit) {
		return this.database.sql(SELECT + (activeOnly ? " and active" : "") + " order by position, id limit :limit")
			.bind("tenantId", tenantId)
			.bind("limit", limit)
			.map(this::trigger)
			.all();
	}

	private GenericExecuteSpec bind(GenericExecuteSpec spec, Trigger trigger) {
		spec = spec.bind("id", trigger.id())
			.bind("tenantId", trigger.tenantId())
			.bind("name", trigger.name())
			.bind("event", trigger.event().name())
			.bind("active", trigger.active())
			.bind("conditions", this.json.writeValueAsString(trigger.conditions()))
			.bind("actions", this.json.writeValueAsString(trigger.actions()))
			.bind("updatedAt", trigger.updatedAt());
		return (trigger.position() >= 0) ? spec.bind("position", trigger.position())
				: spec.bindNull("position", Integer.class);
	}

	private Trigger trigger(Readable row) {
		return new Trigger(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("name", String.class),
				TriggerEvent.valueOf(row.get("event", String.class)),
				Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("position", Integer.class),
				this.json.readValue(row.get("conditions", String.class), TriggerConditions.class),
				this.json.readValue(row.get("actions", String.class), TicketActions.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}

}
