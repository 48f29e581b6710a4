package dev.deskflow.ticket.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The report figures counted straight from {@code tickets} and {@code ticket_ratings} of
 * one tenant (exact {@code percentile_cont} for the times), shaped like the reports' JSON
 * with whole numbers as longs: what the rollup must equal.
 */
final class DirectCount {

	private static final String OPEN = "('NEW', 'OPEN', 'PENDING')";

	private final DatabaseClient database;

	private final UUID tenantId;

	DirectCount(DatabaseClient database, UUID tenantId) {
		this.database = database;
		this.tenantId = tenantId;
	}

	UUID adminId() {
		return this.database.sql("select id from users where tenant_id = :tenantId and role = 'ADMIN' limit 1")
			.bind("tenantId", this.tenantId)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block();
	}

	List<Map<String, Object>> volume(ReportRange range) {
		Map<LocalDate, long[]> days = new TreeMap<>();
		range.from().datesUntil(range.to().plusDays(1)).forEach((day) -> days.put(day, new long[2]));
		ranged("""
				select cast(created_at at time zone :tz as date) as day, 0 as what from tickets
				where tenant_id = :tenantId and created_at >= :start and created_at < :end
				union all
				select cast(solved_at at time zone :tz as date), 1 from tickets
				where tenant_id = :tenantId and solved_at >= :start and solved_at < :end""", range)
			.bind("tz", range.zoneName())
			.map((row) -> Map.entry(row.get("day", LocalDate.class), row.get("what", Integer.class)))
			.all()
			.doOnNext((moment) -> days.get(moment.getKey())[moment.getValue()]++)
			.blockLast();
		return days.entrySet()
			.stream()
			.map((day) -> Map.<String, Object>of("day", day.getKey().toString(), "created", day.getValue()[0], "solved",
					day.getValue()[1]))
			.toList();
	}

	Map<String, Object> breakdown(ReportRange range) {
		Map<String, Object> result = new LinkedHashMap<>();
		long total = 0;
		for (String dimension : List.of("status", "category", "priority", "channel")) {
			Map<String, Long> counts = new LinkedHashMap<>();
			ranged("select coalesce(" + dimension + ", '(none)') as value, count(*) as n from tickets "
					+ "where tenant_id = :tenantId and created_at >= :start and created_at < :end group by 1", range)
				.map((row) -> Map.entry(row.get("value", String.class), row.get("n", Long.class)))
				.all()
				.doOnNext((count) -> counts.put(count.getKey(), count.getValue()))
				.blockLast();
			result.put(dimension, counts);
			if ("status".equals(dimension)) {
				total = counts.values().stream().mapToLong(Long::longValue).sum();
			}
		}
		result.put("total", total);
		return result;
	}

	List<Map<String, Object>> agents(ReportRange range) {
		return ranged("""
				select u.id, u.name, u.role,
				       (select count(*) from tickets t where t.tenant_id = u.tenant_id and t.assignee_id = u.id
				            and t.status in """ + OPEN + """
				) as open,
				       (select count(*) from tickets t where t.tenant_id = u.tenant_id and t.assignee_id = u.id
				            and t.solved_at >= :start and t.solved_at < :end) as solved,
				       (select count(*) from ticket_ratings r where r.tenant_id = u.tenant_id and r.agent_id = u.id
				            and r.score = 'GOOD' and r.rated_at >= :start and r.rated_at < :end) as good,
				       (select count(*) from ticket_ratings r where r.tenant_id = u.tenant_id and r.agent_id = u.id
				            and r.score = 'BAD' and r.rated_at >= :start and r.rated_at < :end) as bad
				from users u where u.tenant_id = :tenantId and u.role in ('AGENT', 'ADMIN') order by u.name, u.id""",
				range)
			.map((row) -> {
				Map<String, Object> agent = new LinkedHashMap<>();
				agent.put("userId", row.get("id", UUID.class).toString());
				agent.put("name", row.get("name", String.class));
				agent.put("role", row.get("role", String.class));
				agent.put("openAssigned", row.get("open", Long.class));
				agent.put("solved", row.get("solved", Long.class));
				agent.putAll(ReportQueries.satisfaction(row.get("good", Long.class), row.get("bad", Long.class)));
				return agent;
			})
			.all()
			.collectList()
			.block();
	}

	Map<String, Object> csat(ReportRange range) {
		return ranged("select count(*) filter (where score = 'GOOD') as good, count(*) filter (where score = 'BAD') "
				+ "as bad from ticket_ratings where tenant_id = :tenantId and rated_at >= :start and rated_at < :end",
				range)
			.map((row) -> ReportQueries.satisfaction(row.get("good", Long.class), row.get("bad", Long.class)))
			.one()
			.block();
	}

	Map<String, Map<String, Object>> times(ReportRange range) {
		return ranged("""
				select count(*) as created, count(first_responded_at) as responded,
				       percentile_cont(0.5) within group (order by extract(epoch from first_responded_at - created_at))
				           filter (where first_responded_at is not null) as response_median,
				       percentile_cont(0.9) within group (order by extract(epoch from first_responded_at - created_at))
				           filter (where first_responded_at is not null) as response_p90,
				       count(solved_at) as solved,
				       percentile_cont(0.5) within group (order by extract(epoch from solved_at - created_at))
				           filter (where solved_at is not null) as resolution_median,
				       percentile_cont(0.9) within group (order by extract(epoch from solved_at - created_at))
				           filter (where solved_at is not null) as resolution_p90
				from tickets where tenant_id = :tenantId and created_at >= :start and created_at < :end""", range)
			.map((row) -> Map.of("created", durations(row.get("created", Long.class), null, null), "firstResponse",
					durations(row.get("responded", Long.class), row.get("response_median", Double.class),
							row.get("response_p90", Double.class)),
					"resolution",
					durations(row.get("solved", Long.class), row.get("resolution_median", Double.class),
							row.get("resolution_p90", Double.class))))
			.one()
			.block();
	}

	Map<String, Object> backlog() {
		return this.database
			.sql("""
					select count(*) as open,
					       count(*) filter (where created_at >= now() - interval '1 day') as under_1d,
					       count(*) filter (where created_at < now() - interval '1 day' and created_at >= now() - interval '3 days') as d1_3,
					       count(*) filter (where created_at < now() - interval '3 days' and created_at >= now() - interval '7 days') as d3_7,
					       count(*) filter (where created_at < now() - interval '7 days' and created_at >= now() - interval '30 days') as d7_30,
					       count(*) filter (where created_at < now() - interval '30 days') as over_30d,
					       min(created_at) as oldest
					from tickets where tenant_id = :tenantId and status in """
					+ OPEN)
			.bind("tenantId", this.tenantId)
			.map((row) -> {
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("open", row.get("open", Long.class));
				result.put("byAge",
						Map.of("under1Day", row.get("under_1d", Long.class), "1to3Days", row.get("d1_3", Long.class),
								"3to7Days", row.get("d3_7", Long.class), "7to30Days", row.get("d7_30", Long.class),
								"over30Days", row.get("over_30d", Long.class)));
				result.put("oldestCreatedAt", row.get("oldest", Instant.class).toString());
				return result;
			})
			.one()
			.block();
	}

	private static Map<String, Object> durations(long count, Double median, Double p90) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("count", count);
		result.put("medianSeconds", median);
		result.put("p90Seconds", p90);
		return result;
	}

	private GenericExecuteSpec ranged(String sql, ReportRange range) {
		return this.database.sql(sql)
			.bind("tenantId", this.tenantId)
			.bind("start", range.start())
			.bind("end", range.end());
	}

}
