package dev.deskflow.ticket.routing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of agent groups, their members, agents' availability and the routing queue. Every
 * statement names its tenant and runs inside {@code TenantTransactions}.
 */
@Repository
class GroupRepository {

	private static final String SELECT_GROUPS = "select g.id, g.tenant_id, g.name, g.routing, g.capacity, "
			+ "g.last_agent_id, g.created_at, g.updated_at, coalesce((select array_agg(m.agent_id order by m.agent_id) "
			+ "from agent_group_members m where m.tenant_id = g.tenant_id and m.group_id = g.id), '{}') as members "
			+ "from agent_groups g where g.tenant_id = :tenantId";

	private static final String OPEN = "('NEW', 'OPEN', 'PENDING')";

	private final DatabaseClient database;

	GroupRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> insert(AgentGroup group) {
		return this.database
			.sql("insert into agent_groups (id, tenant_id, name, routing, capacity, created_at, updated_at) "
					+ "values (:id, :tenantId, :name, :routing, :capacity, :createdAt, :updatedAt)")
			.bind("id", group.id())
			.bind("tenantId", group.tenantId())
			.bind("name", group.name())
			.bind("routing", group.routing().name())
			.bind("capacity", group.capacity())
			.bind("createdAt", group.createdAt())
			.bind("updatedAt", group.updatedAt())
			.then()
			.then(replaceMembers(group));
	}

	Mono<Boolean> update(AgentGroup group) {
		return this.database
			.sql("update agent_groups set name = :name, routing = :routing, capacity = :capacity, "
					+ "updated_at = :updatedAt where tenant_id = :tenantId and id = :id")
			.bind("id", group.id())
			.bind("tenantId", group.tenantId())
			.bind("name", group.name())
			.bind("routing", group.routing().name())
			.bind("capacity", group.capacity())
			.bind("updatedAt", group.updatedAt())
			.fetch()
			.rowsUpdated()
			.flatMap((rows) -> (rows > 0) ? replaceMembers(group).thenReturn(true) : Mono.just(false));
	}

	private Mono<Void> replaceMembers(AgentGroup group) {
		return this.database.sql("delete from agent_group_members where tenant_id = :tenantId and group_id = :groupId")
			.bind("tenantId", group.tenantId())
			.bind("groupId", group.id())
			.then()
			.then(this.database
				.sql("insert into agent_group_members (tenant_id, group_id, agent_id) "
						+ "select :tenantId, :groupId, unnest(:agents)")
				.bind("tenantId", group.tenantId())
				.bind("groupId", group.id())
				.bind("agents", group.members().toArray(UUID[]::new))
				.then());
	}

	Mono<Boolean> delete(UUID tenantId, UUID id) {
		return this.database.sql("delete from agent_groups where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<AgentGroup> find(UUID tenantId, UUID id) {
		return this.database.sql(SELECT_GROUPS + " and g.id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.map(GroupRepository::group)
			.one();
	}

	Flux<AgentGroup> list(UUID tenantId, int limit) {
		return this.database.sql(SELECT_GROUPS + " order by lower(g.name), g.id limit :limit")
			.bind("tenantId", tenantId)
			.bind("limit", limit)
			.map(GroupRepository::group)
			.all();
	}

	/**
	 * @return the given users that are active agents or admins of the tenant
	 */
	Flux<UUID> activeStaff(UUID tenantId, List<UUID> userIds) {
		return this.database
			.sql("select id from users where tenant_id = :tenantId and id = any(:ids) and active "
					+ "and role in ('AGENT', 'ADMIN')")
			.bind("tenantId", tenantId)
			.bind("ids", userIds.toArray(UUID[]::new))
			.map((row) -> row.get("id", UUID.class))
			.all();
	}

	Mono<Void> setAvailability(UUID tenantId, UUID agentId, Availability availability, Instant at) {
		return this.database
			.sql("insert into agent_availability (agent_id, tenant_id, status, updated_at) "
					+ "values (:agentId, :tenantId, :status, :at) on conflict (agent_id) do update "
					+ "set status = excluded.status, updated_at = excluded.updated_at")
			.bind("agentId", agentId)
			.bind("tenantId", tenantId)
			.bind("status", availability.name())
			.bind("at", at)
			.then();
	}

	Mono<Availability> availability(UUID tenantId, UUID agentId) {
		return this.database
			.sql("select status from agent_availability where tenant_id = :tenantId and agent_id = :agentId")
			.bind("tenantId", tenantId)
			.bind("agentId", agentId)
			.map((row) -> Availability.valueOf(row.get("status", String.class)))
			.one()
			.defaultIfEmpty(Availability.ONLINE);
	}

	/**
	 * Serialises routing in the tenant until the transaction ends. An agent may be in
	 * several groups, so a lock on one group's row alone would let two groups fill the
	 * same agent past capacity at once.
	 */
	Mono<Void> lockRouting(UUID tenantId) {
		return this.database.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.bind("key", "deskflow.routing:" + tenantId)
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * The group's row, locked against changes (not against tickets referring to it) for
	 * the transaction.
	 */
	Mono<AgentGroup> lock(UUID tenantId, UUID id) {
		return this.database.sql(SELECT_GROUPS + " and g.id = :id for no key update of g")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.map(GroupRepository::group)
			.one();
	}

	Flux<UUID> groupsOf(UUID tenantId, UUID agentId) {
		return this.database
			.sql("select group_id from agent_group_members where tenant_id = :tenantId and agent_id = :agentId "
					+ "order by group_id")
			.bind("tenantId", tenantId)
			.bind("agentId", agentId)
			.map((row) -> row.get("group_id", UUID.class))
			.all();
	}

	/**
	 * The group's open ticket without an agent whose running SLA clock is due first (then
	 * the most urgent, then the oldest), locked; a ticket another transaction is changing
	 * is skipped (its own write routes it).
	 */
	Mono<UUID> nextWaiting(UUID tenantId, UUID groupId) {
		return this.database
			.sql("select id from tickets t where tenant_id = :tenantId and group_id = :groupId and assignee_id is null "
					+ "and status in " + OPEN + " order by (select min(c.due_at) from sla_clocks c "
					+ "where c.tenant_id = t.tenant_id and c.ticket_id = t.id and c.state = 'RUNNING') nulls last, "
					+ "case priority when 'URGENT' then 0 when 'HIGH' then 1 "
					+ "when 'NORMAL' then 2 else 3 end, created_at, id limit 1 for update of t skip locked")
			.bind("tenantId", tenantId)
			.bind("groupId", groupId)
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	/** The group's active, online members and their open tickets. */
	Flux<RoutingPolicy.Candidate> candidates(UUID tenantId, UUID groupId) {
		return this.database
			.sql("select m.agent_id, (select count(*) from tickets t where t.tenant_id = m.tenant_id "
					+ "and t.assignee_id = m.agent_id and t.status in " + OPEN + ") as load "
					+ "from agent_group_members m join users u on u.id = m.agent_id and u.tenant_id = m.tenant_id "
					+ "left join agent_availability a on a.agent_id = m.agent_id and a.tenant_id = m.tenant_id "
					+ "where m.tenant_id = :tenantId and m.group_id = :groupId and u.active "
					+ "and u.role in ('AGENT', 'ADMIN') and coalesce(a.status, 'ONLINE') = 'ONLINE'")
			.bind("tenantId", tenantId)
			.bind("groupId", groupId)
			.map((row) -> new RoutingPolicy.Candidate(row.get("agent_id", UUID.class), row.get("load", Long.class)))
			.all();
	}

	Mono<Void> assignedLast(UUID tenantId, UUID groupId, UUID agentId) {
		return this.database
			.sql("update agent_groups set last_agent_id = :agentId where tenant_id = :tenantId and id = :id")
			.bind("agentId", agentId)
			.bind("tenantId", tenantId)
			.bind("id", groupId)
			.then();
	}

	private static AgentGroup group(Readable row) {
		UUID[] members = row.get("members", UUID[].class);
		return new AgentGroup(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
				row.get("name", String.class), RoutingMode.valueOf(row.get("routing", String.class)),
				row.get("capacity", Integer.class), row.get("last_agent_id", UUID.class),
				(members != null) ? Arrays.asList(members) : List.of(), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class));
	}

}
