package dev.deskflow.ticket.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;

/**
 * The SQL of the reports: every figure is computed by PostgreSQL (counts, grouping sets,
 * {@code percentile_cont}), never by loading tickets. Runs inside
 * {@code TenantTransactions}; the indexes of migration V8 keep each report on range scans
 * of one tenant's rows.
 */
@Component
class ReportQueries {

	static final String OPEN = "('NEW', 'OPEN', 'PENDING')";

	private final DatabaseClient database;

	ReportQueries(DatabaseClient database) {
		this.database = database;
	}

	Mono<Map<String, Object>> run(ReportName name, UUID tenantId, ReportRange range) {
		return switch (name) {
			case VOLUME -> volume(tenantId, range);
			case BREAKDOWN -> breakdown(tenantId, range);
			case TIMES -> times(tenantId, range);
			case BACKLOG -> backlog(tenantId);
			case AGENTS -> agents(tenantId, range);
			case CSAT -> csat(tenantId, range);
			case SLA -> sla(tenantId, range);
		};
	}

	private Mono<Map<String, Object>> volume(UUID tenantId, ReportRange range) {
		String sql = """
				with days as (
				    select cast(generate_series(cast(:fromDay as date), cast(:toDay as date), interval '1 day') as date) as day),
				created as (
				    select cast(created_at at time zone :tz as date) as day, count(*) as n from tickets
				    where tenant_id = :tenantId and created_at >= :start and created_at < :end group by 1),
				solved as (
				    select cast(solved_at at time zone :tz as date) as day, count(*) as n from tickets
				    where tenant_id = :tenantId and solved_at >= :start and solved_at < :end group by 1)
				select d.day, coalesce(c.n, 0) as created, coalesce(s.n, 0) as solved
				from days d left join created c on c.day = d.day left join solved s on s.day = d.day order by d.day""";
		return ranged(sql, tenantId, range).bind("tz", range.zoneName())
			.bind("fromDay", range.from())
			.bind("toDay", range.to())
			.map((row) -> {
				Map<String, Object> day = new LinkedHashMap<>();
				day.put("day", row.get("day", LocalDate.class).toString());
				day.put("created", row.get("created", Long.class));
				day.put("solved", row.get("solved", Long.class));
				return day;
			})
			.all()
			.collectList()
			.map((days) -> Map.of("days", days));
	}

	private Mono<Map<String, Object>> breakdown(UUID tenantId, ReportRange range) {
		String sql = """
				select case when grouping(status) = 0 then 'status' when grouping(category) = 0 then 'category'
				            when grouping(priority) = 0 then 'priority' else 'channel' end as dimension,
				       coalesce(status, category, priority, channel, '(none)') as value, count(*) as n
				from tickets where tenant_id = :tenantId and created_at >= :start and created_at < :end
				group by grouping sets ((status), (category), (priority), (channel))
				order by dimension, n desc, value""";
		return ranged(sql, tenantId, range)
			.map((row) -> List.of(row.get("dimension", String.class), row.get("value", String.class),
					row.get("n", Long.class)))
			.all()
			.collectList()
			.map((rows) -> {
				Map<String, Object> result = new LinkedHashMap<>();
				for (String dimension : List.of("status", "category", "priority", "channel")) {
					result.put(dimension, new LinkedHashMap<String, Long>());
				}
				long total = 0;
				for (List<?> row : rows) {
					@SuppressWarnings("unchecked")
					Map<String, Long> counts = (Map<String, Long>) result.get((String) row.get(0));
					counts.put((String) row.get(1), (Long) row.get(2));
					total += "status".equals(row.get(0)) ? (Long) row.get(2) : 0;
				}
				result.put("total", total);
				return result;
			});
	}

	private Mono<Map<String, Object>> times(UUID tenantId, ReportRange range) {
		String sql = """
				select count(*) as created,
				       count(first_responded_at) as responded,
				       percentile_cont(0.5) within group (order by extract(epoch from first_responded_at - created_at))
				           filter (where first_responded_at is not null) as response_median,
				       percentile_cont(0.9) within group (order by extract(epoch from first_responded_at - created_at))
				           filter (where first_responded_at is not null) as response_p90,
				       count(solved_at) as solved,
				       percentile_cont(0.5) within group (order by extract(epoch from solved_at - created_at))
				           filter (where solved_at is not null) as resolution_median,
				       percentile_cont(0.9) within group (order by extract(epoch from solved_at - created_at))
				           filter (where solved_at is not null) as resolution_p90
				from tickets where tenant_id = :tenantId and created_at >= :start and created_at < :end""";
		return ranged(sql, tenantId, range).map((row) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("created", row.get("created", Long.class));
			result.put("firstResponse", durations(row.get("responded", Long.class),
					row.get("response_median", Double.class), row.get("response_p90", Double.class)));
			result.put("resolution", durations(row.get("solved", Long.class),
					row.get("resolution_median", Double.class), row.get("resolution_p90", Double.class)));
			return result;
		}).one();
	}

	private static Map<String, Object> durations(long count, Double median, Double p90) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("count", count);
		result.put("medianSeconds", median);
		result.put("p90Seconds", p90);
		return result;
	}

	private Mono<Map<String, Object>> backlog(UUID tenantId) {
		String sql = """
				select count(*) as open,
				       count(*) filter (where created_at > now() - interval '1 day') as under_1d,
				       count(*) filter (where created_at <= now() - interval '1 day' and created_at > now() - interval '3 days') as d1_3,
				       count(*) filter (where created_at <= now() - interval '3 days' and created_at > now() - interval '7 days') as d3_7,
				       count(*) filter (where created_at <= now() - interval '7 days' and created_at > now() - interval '30 days') as d7_30,
				       count(*) filter (where created_at <= now() - interval '30 days') as over_30d,
				       min(created_at) as oldest
				from tickets where tenant_id = :tenantId and status in """
				+ OPEN;
		return this.database.sql(sql).bind("tenantId", tenantId).map((row) -> {
			Map<String, Object> buckets = new LinkedHashMap<>();
			buckets.put("under1Day", row.get("under_1d", Long.class));
			buckets.put("1to3Days", row.get("d1_3", Long.class));
			buckets.put("3to7Days", row.get("d3_7", Long.class));
			buckets.put("7to30Days", row.get("d7_30", Long.class));
			buckets.put("over30Days", row.get("over_30d", Long.class));
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("open", row.get("open", Long.class));
			result.put("byAge", buckets);
			Object oldest = row.get("oldest", java.time.Instant.class);
			result.put("oldestCreatedAt", (oldest != null) ? oldest.toString() : null);
			return result;
		}).one();
	}

	private Mono<Map<String, Object>> agents(UUID tenantId, ReportRange range) {
		String sql = """
				with open as (
				    select assignee_id, count(*) as n from tickets
				    where tenant_id = :tenantId and status in """ + OPEN
				+ """
						     and assignee_id is not null group by 1),
						solved as (
						    select assignee_id, count(*) as n from tickets
						    where tenant_id = :tenantId and solved_at >= :start and solved_at < :end and assignee_id is not null
						    group by 1),
						rated as (
						    select agent_id, count(*) filter (where score = 'GOOD') as good, count(*) filter (where score = 'BAD') as bad
						    from ticket_ratings
						    where tenant_id = :tenantId and rated_at >= :start and rated_at < :end and agent_id is not null
						    group by 1)
						select u.id, u.name, u.role, coalesce(o.n, 0) as open, coalesce(s.n, 0) as solved,
						       coalesce(r.good, 0) as good, coalesce(r.bad, 0) as bad
						from users u
						left join open o on o.assignee_id = u.id
						left join solved s on s.assignee_id = u.id
						left join rated r on r.agent_id = u.id
						where u.tenant_id = :tenantId and u.role in ('AGENT', 'ADMIN')
						order by u.name, u.id""";
		return ranged(sql, tenantId, range).map((row) -> {
			Map<String, Object> agent = new LinkedHashMap<>();
			agent.put("userId", row.get("id", UUID.class).toString());
			agent.put("name", row.get("name", String.class));
			agent.put("role", row.get("role", String.class));
			agent.put("openAssigned", row.get("open", Long.class));
			agent.put("solved", row.get("solved", Long.class));
			agent.putAll(satisfaction(row.get("good", Long.class), row.get("bad", Long.class)));
			return agent;
		}).all().collectList().map((agents) -> Map.of("agents", agents));
	}

	private Mono<Map<String, Object>> csat(UUID tenantId, ReportRange range) {
		String sql = """
				select count(*) filter (where score = 'GOOD') as good, count(*) filter (where score = 'BAD') as bad
				from ticket_ratings where tenant_id = :tenantId and rated_at >= :start and rated_at < :end""";
		return ranged(sql, tenantId, range)
			.map((row) -> satisfaction(row.get("good", Long.class), row.get("bad", Long.class)))
			.one();
	}

	/**
	 * Per SLA target, the clocks of the tickets created in the range: met (reached by the
	 * due time), missed (reached late, or past due and not reached, or already reported
	 * breached), open (neither yet), and attainment = met / (met + missed), null while
	 * nothing is decided. A policy that is deleted takes its clocks with it.
	 */
	private Mono<Map<String, Object>> sla(UUID tenantId, ReportRange range) {
		String sql = """
				with clocks as (
				    select c.target,
				           c.state = 'STOPPED' and c.halted_at <= c.due_at as met,
				           (c.state = 'STOPPED' and c.halted_at > c.due_at)
				               or (c.state <> 'STOPPED' and (c.breached_at is not null
				                   or (c.state = 'RUNNING' and c.due_at <= now()))) as missed
				    from sla_clocks c join tickets t on t.tenant_id = c.tenant_id and t.id = c.ticket_id
				    where c.tenant_id = :tenantId and t.created_at >= :start and t.created_at < :end)
				select target, count(*) filter (where met) as met, count(*) filter (where missed) as missed,
				       count(*) filter (where not met and not missed) as open
				from clocks group by target""";
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("firstResponse", attainment(0, 0, 0));
		result.put("resolution", attainment(0, 0, 0));
		return ranged(sql, tenantId, range)
			.map((row) -> Map.entry(
					"FIRST_RESPONSE".equals(row.get("target", String.class)) ? "firstResponse" : "resolution",
					attainment(row.get("met", Long.class), row.get("missed", Long.class), row.get("open", Long.class))))
			.all()
			.doOnNext((target) -> result.put(target.getKey(), target.getValue()))
			.then(Mono.just(result));
	}

	private static Map<String, Object> attainment(long met, long missed, long open) {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("met", met);
		target.put("missed", missed);
		target.put("open", open);
		target.put("attainment", (met + missed > 0) ? (double) met / (met + missed) : null);
		return target;
	}

	/**
	 * Good and bad ratings and their CSAT: the share of good ones, absent without any.
	 */
	private static Map<String, Object> satisfaction(long good, long bad) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("good", good);
		result.put("bad", bad);
		result.put("csat", (good + bad > 0) ? (double) good / (good + bad) : null);
		return result;
	}

	private GenericExecuteSpec ranged(String sql, UUID tenantId, ReportRange range) {
		return this.database.sql(sql).bind("tenantId", tenantId).bind("start", range.start()).bind("end", range.end());
	}

}
