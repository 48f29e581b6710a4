package dev.deskflow.ticket.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The SQL of the reports: every figure is summed by PostgreSQL from the report rollup
 * (migration V21, {@link RollupSource}): folded hourly (durations: daily) counts, the
 * deltas not folded yet, and the few hours a range or day boundary cuts read from
 * {@code tickets} directly; percentiles from duration histograms. Each report is one
 * statement, so it sees one consistent snapshot of the three. Runs inside
 * {@code TenantTransactions}. The SLA report reads {@code sla_clocks} of the range.
 */
@Component
class ReportQueries {

	static final String OPEN = "('NEW', 'OPEN', 'PENDING')";

	/** The backlog's age bounds, in days. */
	private static final List<Integer> AGES = List.of(1, 3, 7, 30);

	private final DatabaseClient database;

	private final Clock clock = Clock.systemUTC();

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
		RollupSource figures = RollupSource.of("volume", List.of(Measure.CREATED, Measure.SOLVED), range.start(),
				range.end(), range.dayStarts());
		String sql = "with figures as (" + figures.sql()
				+ """
						),
						days as (
						    select cast(generate_series(cast(:fromDay as date), cast(:toDay as date), interval '1 day') as date) as day),
						counted as (
						    select cast(at at time zone :tz as date) as day, sum(n) filter (where measure = 'created') as created,
						           sum(n) filter (where measure = 'solved') as solved
						    from figures group by 1)
						select d.day, cast(coalesce(c.created, 0) as bigint) as created, cast(coalesce(c.solved, 0) as bigint) as solved
						from days d left join counted c on c.day = d.day order by d.day""";
		return figures.bind(this.database.sql(sql).bind("tenantId", tenantId))
			.bind("tz", range.zoneName())
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
		RollupSource figures = RollupSource.between("breakdown",
				List.of(Measure.STATUS, Measure.CATEGORY, Measure.PRIORITY, Measure.CHANNEL), range.start(),
				range.end());
		String sql = "with figures as (" + figures.sql() + """
				)
				select measure as dimension, key as value, cast(sum(n) as bigint) as n from figures
				group by measure, key having sum(n) <> 0
				order by dimension, n desc, value""";
		return figures.bind(this.database.sql(sql).bind("tenantId", tenantId))
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

	/**
	 * Medians and 90th percentiles from the rollup's duration histograms (within 5 % of
	 * the exact {@code percentile_cont}, see {@link DurationHistogram}).
	 */
	private Mono<Map<String, Object>> times(UUID tenantId, ReportRange range) {
		// the tickets created are the sum over their statuses
		RollupSource figures = RollupSource.between("times",
				List.of(Measure.STATUS, Measure.RESPONSE, Measure.RESOLUTION), range.start(), range.end());
		String sql = "select measure, key, cast(sum(n) as bigint) as n from (" + figures.sql()
				+ ") as figures group by measure, key having sum(n) <> 0";
		return figures.bind(this.database.sql(sql).bind("tenantId", tenantId))
			.map((row) -> List.of(row.get("measure", String.class), row.get("key", String.class),
					row.get("n", Long.class)))
			.all()
			.collectList()
			.map((rows) -> {
				long total = 0;
				DurationHistogram response = new DurationHistogram();
				DurationHistogram resolution = new DurationHistogram();
				for (List<?> row : rows) {
					long n = (Long) row.get(2);
					if (Measure.STATUS.code().equals(row.get(0))) {
						total += n;
					}
					else {
						DurationHistogram histogram = Measure.RESPONSE.code().equals(row.get(0)) ? response
								: resolution;
						histogram.add(Integer.parseInt((String) row.get(1)), n);
					}
				}
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("created", total);
				result.put("firstResponse", durations(response));
				result.put("resolution", durations(resolution));
				return result;
			});
	}

	private static Map<String, Object> durations(DurationHistogram histogram) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("count", histogram.count());
		result.put("medianSeconds", histogram.percentile(0.5));
		result.put("p90Seconds", histogram.percentile(0.9));
		return result;
	}

	/**
	 * Open tickets by age now; an age bucket includes its younger bound
	 * ({@code created_at
	 * >= now - 1 day} is under a day old).
	 */
	private Mono<Map<String, Object>> backlog(UUID tenantId) {
		Instant now = Instant.now(this.clock);
		List<Instant> ages = AGES.stream().map((days) -> now.minus(Duration.ofDays(days))).toList();
		RollupSource figures = RollupSource.of("backlog", List.of(Measure.OPEN), null, null, ages);
		String sql = "with figures as (" + figures.sql() + """
				)
				select cast(coalesce(sum(n), 0) as bigint) as open,
				       cast(coalesce(sum(n) filter (where at >= :age1), 0) as bigint) as under_1d,
				       cast(coalesce(sum(n) filter (where at < :age1 and at >= :age3), 0) as bigint) as d1_3,
				       cast(coalesce(sum(n) filter (where at < :age3 and at >= :age7), 0) as bigint) as d3_7,
				       cast(coalesce(sum(n) filter (where at < :age7 and at >= :age30), 0) as bigint) as d7_30,
				       cast(coalesce(sum(n) filter (where at < :age30), 0) as bigint) as over_30d,
				       (select min(created_at) from tickets where tenant_id = :tenantId and status in """ + OPEN + """
				) as oldest
				from figures""";
		return figures.bind(this.database.sql(sql).bind("tenantId", tenantId))
			.bind("age1", ages.get(0))
			.bind("age3", ages.get(1))
			.bind("age7", ages.get(2))
			.bind("age30", ages.get(3))
			.map((row) -> {
				Map<String, Object> buckets = new LinkedHashMap<>();
				buckets.put("under1Day", row.get("under_1d", Long.class));
				buckets.put("1to3Days", row.get("d1_3", Long.class));
				buckets.put("3to7Days", row.get("d3_7", Long.class));
				buckets.put("7to30Days", row.get("d7_30", Long.class));
				buckets.put("over30Days", row.get("over_30d", Long.class));
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("open", row.get("open", Long.class));
				result.put("byAge", buckets);
				Instant oldest = row.get("oldest", Instant.class);
				result.put("oldestCreatedAt", (oldest != null) ? oldest.toString() : null);
				return result;
			})
			.one();
	}

	private Mono<Map<String, Object>> agents(UUID tenantId, ReportRange range) {
		RollupSource assigned = RollupSource.of("assigned", List.of(Measure.ASSIGNED), null, null, List.of());
		RollupSource ranged = RollupSource.between("ranged", List.of(Measure.SOLVED_BY, Measure.RATED), range.start(),
				range.end());
		String sql = "with assigned as (" + assigned.sql() + "),\nranged as (" + ranged.sql() + """
				),
				open as (select key, sum(n) as n from assigned group by key),
				solved as (select key, sum(n) as n from ranged where measure = 'solved_by' group by key),
				rated as (
				    select split_part(key, ':', 2) as agent, sum(n) filter (where key like 'GOOD:%') as good,
				           sum(n) filter (where key like 'BAD:%') as bad
				    from ranged where measure = 'rated' group by 1)
				select u.id, u.name, u.role, cast(coalesce(o.n, 0) as bigint) as open,
				       cast(coalesce(s.n, 0) as bigint) as solved, cast(coalesce(r.good, 0) as bigint) as good,
				       cast(coalesce(r.bad, 0) as bigint) as bad
				from users u
				left join open o on o.key = cast(u.id as text)
				left join solved s on s.key = cast(u.id as text)
				left join rated r on r.agent = cast(u.id as text)
				where u.tenant_id = :tenantId and u.role in ('AGENT', 'ADMIN')
				order by u.name, u.id""";
		return ranged.bind(assigned.bind(this.database.sql(sql).bind("tenantId", tenantId))).map((row) -> {
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
		RollupSource figures = RollupSource.between("rated", List.of(Measure.RATED), range.start(), range.end());
		String sql = "with rated as (" + figures.sql() + """
				)
				select cast(coalesce(sum(n) filter (where key like 'GOOD:%'), 0) as bigint) as good,
				       cast(coalesce(sum(n) filter (where key like 'BAD:%'), 0) as bigint) as bad
				from rated""";
		return figures.bind(this.database.sql(sql).bind("tenantId", tenantId))
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
	static Map<String, Object> satisfaction(long good, long bad) {
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
