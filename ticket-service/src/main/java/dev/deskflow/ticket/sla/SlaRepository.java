package dev.deskflow.ticket.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.ticket.sla.CalendarRequest.Calendar;
import dev.deskflow.ticket.sla.SlaClock.State;
import dev.deskflow.ticket.sla.SlaPolicy.Escalation;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * SQL of calendars, policies and clocks. Every statement names its tenant and runs inside
 * {@code TenantTransactions} (row-level security backs the predicate up), except the
 * scheduler's look for tenants with due clocks, which spans tenants.
 */
@Repository
class SlaRepository {

	private static final String POLICY_COLUMNS = "id, tenant_id, name, position, priorities, category, tags, "
			+ "first_response_minutes, resolution_minutes, at_risk_minutes, raise_priority, escalate_assignee_id, "
			+ "escalate_unassign, created_by, updated_at, version";

	private static final String CLOCK_COLUMNS = "ticket_id, target, policy_id, started_at, paused_millis, state, "
			+ "halted_at, due_at, at_risk_at, at_risk_notified_at, breached_at, next_check_at";

	private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	SlaRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	// calendars

	/**
	 * @param tenantId a tenant
	 * @param lock whether to lock it for a write
	 * @return its calendar and the calendar's version; empty when it has none
	 */
	Mono<VersionedCalendar> calendar(UUID tenantId, boolean lock) {
		return this.database
			.sql("select zone, hours::text as hours, holidays::text[] as holidays, version from sla_calendars "
					+ "where tenant_id = :tenantId" + (lock ? " for update" : ""))
			.bind("tenantId", tenantId)
			.map((row) -> new VersionedCalendar(calendar(row), row.get("version", Long.class)))
			.one();
	}

	Mono<BusinessCalendar> businessCalendar(UUID tenantId) {
		return calendar(tenantId, false).map((stored) -> stored.calendar().business())
			.defaultIfEmpty(BusinessCalendar.always());
	}

	/**
	 * Creates the tenant's calendar at version 0 unless it has one.
	 * @return whether it was created
	 */
	Mono<Boolean> insertCalendar(UUID tenantId, Calendar calendar, Instant now) {
		return bindCalendar(this.database.sql("insert into sla_calendars (tenant_id, zone, hours, holidays, "
				+ "updated_at, version) values (:tenantId, :zone, cast(:hours as jsonb), cast(:holidays as date[]), "
				+ ":now, 0) on conflict (tenant_id) do nothing"), tenantId, calendar, now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	Mono<Void> updateCalendar(UUID tenantId, VersionedCalendar calendar, Instant now) {
		return bindCalendar(this.database.sql("update sla_calendars set zone = :zone, hours = cast(:hours as jsonb), "
				+ "holidays = cast(:holidays as date[]), updated_at = :now, version = :version "
				+ "where tenant_id = :tenantId"), tenantId, calendar.calendar(), now)
			.bind("version", calendar.version())
			.then();
	}

	private GenericExecuteSpec bindCalendar(GenericExecuteSpec spec, UUID tenantId, Calendar calendar, Instant now) {
		String holidays = calendar.holidays()
			.stream()
			.map(LocalDate::toString)
			.collect(Collectors.joining(",", "{", "}"));
		return spec.bind("tenantId", tenantId)
			.bind("zone", calendar.zone().getId())
			.bind("hours", this.json.writeValueAsString(calendar.hoursText()))
			.bind("holidays", holidays)
			.bind("now", now);
	}

	/**
	 * A tenant's calendar as stored.
	 *
	 * @param calendar the calendar
	 * @param version its optimistic-concurrency version (its ETag)
	 */
	record VersionedCalendar(Calendar calendar, long version) {
	}

	Mono<Long> deleteCalendar(UUID tenantId) {
		return this.database.sql("delete from sla_calendars where tenant_id = :tenantId")
			.bind("tenantId", tenantId)
			.fetch()
			.rowsUpdated();
	}

	// stored calendars were checked when saved; parsing them again keeps one reader
	private Calendar calendar(Readable row) {
		return new CalendarRequest(row.get("zone", String.class),
				this.json.readValue(row.get("hours", String.class), HOURS),
				List.of(row.get("holidays", String[].class)))
			.validate();
	}

	// policies

	Flux<SlaPolicy> policies(UUID tenantId) {
		return this.database
			.sql("select " + POLICY_COLUMNS + " from sla_policies where tenant_id = :tenantId order by position")
			.bind("tenantId", tenantId)
			.map(SlaRepository::policy)
			.all();
	}

	Mono<SlaPolicy> policy(UUID tenantId, UUID id) {
		return this.database
			.sql("select " + POLICY_COLUMNS + " from sla_policies where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.map(SlaRepository::policy)
			.one();
	}

	/**
	 * @param ticket a ticket
	 * @return the policy that applies to it: the first by position whose priorities
	 * include the ticket's, whose category (if any) is the ticket's, and whose tags the
	 * ticket all carries
	 */
	/**
	 * Serialises a tenant's policy writes, so that the conflict check sees the others'.
	 */
	Mono<Void> lockPolicies(UUID tenantId) {
		return this.database.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.bind("key", "sla_policies:" + tenantId)
			.fetch()
			.rowsUpdated()
			.then();
	}

	Mono<Void> insertPolicy(SlaPolicy policy) {
		return bindPolicy(this.database.sql("insert into sla_policies (" + POLICY_COLUMNS + ") values (:id, "
				+ ":tenantId, :name, :position, :priorities, :category, :tags, :firstResponse, :resolution, :atRisk, "
				+ ":raise, :assignee, :unassign, :createdBy, :updatedAt, :version)"), policy)
			.then();
	}

	Mono<Long> updatePolicy(SlaPolicy policy) {
		return bindPolicy(this.database.sql("update sla_policies set name = :name, position = :position, "
				+ "priorities = :priorities, category = :category, tags = :tags, "
				+ "first_response_minutes = :firstResponse, resolution_minutes = :resolution, "
				+ "at_risk_minutes = :atRisk, raise_priority = :raise, escalate_assignee_id = :assignee, "
				+ "escalate_unassign = :unassign, created_by = :createdBy, updated_at = :updatedAt, version = :version "
				+ "where tenant_id = :tenantId and id = :id"), policy)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> deletePolicy(UUID tenantId, UUID id) {
		return this.database.sql("delete from sla_policies where tenant_id = :tenantId and id = :id")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	Mono<Boolean> ticketExists(UUID tenantId, UUID ticketId) {
		return exists("select 1 from tickets where tenant_id = :tenantId and id = :id", tenantId, ticketId);
	}

	Mono<Boolean> isActiveStaff(UUID tenantId, UUID userId) {
		return exists("select 1 from users where tenant_id = :tenantId and id = :id and active "
				+ "and role in ('AGENT', 'ADMIN')", tenantId, userId);
	}

	private Mono<Boolean> exists(String query, UUID tenantId, UUID id) {
		return this.database.sql("select exists (" + query + ") as found")
			.bind("tenantId", tenantId)
			.bind("id", id)
			.map((row) -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
			.one();
	}

	private static GenericExecuteSpec bindPolicy(GenericExecuteSpec spec, SlaPolicy policy) {
		GenericExecuteSpec bound = spec.bind("id", policy.id())
			.bind("tenantId", policy.tenantId())
			.bind("name", policy.name())
			.bind("position", policy.position())
			.bind("priorities", policy.priorities().stream().map(Enum::name).toArray(String[]::new))
			.bind("tags", policy.tags().toArray(String[]::new))
			.bind("atRisk", policy.atRiskMinutes())
			.bind("raise", policy.escalation().raisePriority())
			.bind("unassign", policy.escalation().unassign())
			.bind("createdBy", policy.createdBy())
			.bind("updatedAt", policy.updatedAt())
			.bind("version", policy.version());
		bound = nullable(bound, "category", policy.category(), String.class);
		bound = nullable(bound, "firstResponse", policy.firstResponseMinutes(), Integer.class);
		bound = nullable(bound, "resolution", policy.resolutionMinutes(), Integer.class);
		return nullable(bound, "assignee", policy.escalation().assigneeId(), UUID.class);
	}

	private static SlaPolicy policy(Readable row) {
		return new SlaPolicy(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("name", String.class),
				row.get("position", Integer.class),
				Arrays.stream(row.get("priorities", String[].class)).map(TicketPriority::valueOf).toList(),
				row.get("category", String.class), List.of(row.get("tags", String[].class)),
				row.get("first_response_minutes", Integer.class), row.get("resolution_minutes", Integer.class),
				row.get("at_risk_minutes", Integer.class),
				new Escalation(Boolean.TRUE.equals(row.get("raise_priority", Boolean.class)),
						row.get("escalate_assignee_id", UUID.class),
						Boolean.TRUE.equals(row.get("escalate_unassign", Boolean.class))),
				row.get("created_by", UUID.class), row.get("updated_at", Instant.class),
				row.get("version", Long.class));
	}

	// clocks

	Flux<SlaClock> clocks(UUID tenantId, UUID ticketId) {
		return this.database
			.sql("select " + CLOCK_COLUMNS + " from sla_clocks where tenant_id = :tenantId and ticket_id = :ticketId "
					+ "order by target")
			.bind("tenantId", tenantId)
			.bind("ticketId", ticketId)
			.map(SlaRepository::clock)
			.all();
	}

	/**
	 * The clocks of several tickets in one statement, with the name of the policy that
	 * set them.
	 */
	Flux<NamedClock> clocks(UUID tenantId, Collection<UUID> ticketIds) {
		return this.database
			.sql("select " + prefixed("c.", CLOCK_COLUMNS) + ", p.name as policy_name from sla_clocks c "
					+ "join sla_policies p on p.tenant_id = c.tenant_id and p.id = c.policy_id "
					+ "where c.tenant_id = :tenantId and c.ticket_id = any(:ticketIds)")
			.bind("tenantId", tenantId)
			.bind("ticketIds", ticketIds.toArray(UUID[]::new))
			.map((row) -> new NamedClock(clock(row), row.get("policy_name", String.class)))
			.all();
	}

	/**
	 * A clock and the name of its policy.
	 *
	 * @param clock the clock
	 * @param policyName the name of the policy that set it
	 */
	record NamedClock(SlaClock clock, String policyName) {
	}

	Mono<Void> saveClock(UUID tenantId, SlaClock clock) {
		GenericExecuteSpec spec = this.database
			.sql("insert into sla_clocks (tenant_id, " + CLOCK_COLUMNS + ") values (:tenantId, :ticketId, :target, "
					+ ":policyId, :startedAt, :pausedMillis, :state, :haltedAt, :dueAt, :atRiskAt, :notified, "
					+ ":breached, :nextCheck) on conflict (tenant_id, ticket_id, target) do update set "
					+ "policy_id = excluded.policy_id, started_at = excluded.started_at, "
					+ "paused_millis = excluded.paused_millis, state = excluded.state, halted_at = excluded.halted_at, "
					+ "due_at = excluded.due_at, at_risk_at = excluded.at_risk_at, "
					+ "at_risk_notified_at = excluded.at_risk_notified_at, breached_at = excluded.breached_at, "
					+ "next_check_at = excluded.next_check_at")
			.bind("tenantId", tenantId)
			.bind("ticketId", clock.ticketId())
			.bind("target", clock.target().name())
			.bind("policyId", clock.policyId())
			.bind("startedAt", clock.startedAt())
			.bind("pausedMillis", clock.pausedMillis())
			.bind("state", clock.state().name())
			.bind("dueAt", clock.dueAt())
			.bind("atRiskAt", clock.atRiskAt());
		spec = nullable(spec, "haltedAt", clock.haltedAt(), Instant.class);
		spec = nullable(spec, "notified", clock.atRiskNotifiedAt(), Instant.class);
		spec = nullable(spec, "breached", clock.breachedAt(), Instant.class);
		return nullable(spec, "nextCheck", clock.nextCheckAt(), Instant.class).then();
	}

	Mono<Void> deleteClock(UUID tenantId, UUID ticketId, SlaTarget target) {
		return this.database
			.sql("delete from sla_clocks where tenant_id = :tenantId and ticket_id = :ticketId and target = :target")
			.bind("tenantId", tenantId)
			.bind("ticketId", ticketId)
			.bind("target", target.name())
			.then();
	}

	// the scheduler

	/**
	 * The one look across tenants: which have clocks due by {@code now}.
	 */
	Flux<UUID> tenantsWithDueClocks(Instant now, int limit) {
		return this.database
			.sql("select distinct tenant_id from (select tenant_id from sla_clocks where next_check_at <= :now "
					+ "order by next_check_at limit :scan) due limit :limit")
			.bind("now", now)
			.bind("scan", limit * 50)
			.bind("limit", limit)
			.map((row) -> row.get("tenant_id", UUID.class))
			.all();
	}

	/**
	 * Locks a batch of a tenant's due clocks and their tickets, skipping rows another
	 * replica (or a ticket write) holds, so no clock is handled twice at once.
	 */
	Flux<DueClock> lockDue(UUID tenantId, Instant now, int batch) {
		return this.database
			.sql("select " + prefixed("c.", CLOCK_COLUMNS) + ", n.slug from sla_clocks c "
					+ "join tickets t on t.tenant_id = c.tenant_id and t.id = c.ticket_id "
					+ "join tenants n on n.id = c.tenant_id "
					+ "where c.tenant_id = :tenantId and c.next_check_at <= :now order by c.next_check_at limit :batch "
					+ "for update of c, t skip locked")
			.bind("tenantId", tenantId)
			.bind("now", now)
			.bind("batch", batch)
			.map((row) -> new DueClock(clock(row), row.get("slug", String.class)))
			.all();
	}

	Mono<Void> markAtRisk(UUID tenantId, SlaClock clock, Instant at) {
		return mark("at_risk_notified_at = :at, next_check_at = due_at", tenantId, clock, at);
	}

	Mono<Void> markBreached(UUID tenantId, SlaClock clock, Instant at) {
		return mark("at_risk_notified_at = coalesce(at_risk_notified_at, :at), breached_at = :at, "
				+ "next_check_at = null", tenantId, clock, at);
	}

	private Mono<Void> mark(String set, UUID tenantId, SlaClock clock, Instant at) {
		return this.database
			.sql("update sla_clocks set " + set
					+ " where tenant_id = :tenantId and ticket_id = :ticketId and target = :target")
			.bind("at", at)
			.bind("tenantId", tenantId)
			.bind("ticketId", clock.ticketId())
			.bind("target", clock.target().name())
			.then();
	}

	/**
	 * A clock the scheduler locked.
	 *
	 * @param clock the clock
	 * @param tenantSlug its tenant's slug, for the event
	 */
	record DueClock(SlaClock clock, String tenantSlug) {
	}

	private static String prefixed(String prefix, String columns) {
		return Arrays.stream(columns.split(", ")).map((column) -> prefix + column).collect(Collectors.joining(", "));
	}

	private static SlaClock clock(Readable row) {
		return new SlaClock(row.get("ticket_id", UUID.class), SlaTarget.valueOf(row.get("target", String.class)),
				row.get("policy_id", UUID.class), row.get("started_at", Instant.class),
				row.get("paused_millis", Long.class), State.valueOf(row.get("state", String.class)),
				row.get("halted_at", Instant.class), row.get("due_at", Instant.class),
				row.get("at_risk_at", Instant.class), row.get("at_risk_notified_at", Instant.class),
				row.get("breached_at", Instant.class), row.get("next_check_at", Instant.class));
	}

	private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

}
