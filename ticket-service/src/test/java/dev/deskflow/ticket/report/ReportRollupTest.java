package dev.deskflow.ticket.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.deskflow.ticket.TicketProperties;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

/**
 * The reports read the rollup of migration V21 (folded counts + unfolded deltas + the
 * hours a range or a day boundary cuts, read directly). Here they are compared with a
 * direct count over {@code tickets} and {@code ticket_ratings} ({@link DirectCount}):
 * after creates, status changes, reassignments, priority and category changes, responses,
 * ratings and a deletion; before and after the compactor folds the deltas; in UTC, in
 * Asia/Kolkata (+05:30: every day boundary cuts an hour) and America/St_Johns (-03:30 /
 * -02:30). The tickets are spread over whole minutes of ten days, so most hours hold
 * several.
 */
class ReportRollupTest extends DeskTest {

	private static final LocalDate FIRST = LocalDate.parse("2026-05-01");

	private static final List<String> STATUSES = List.of("NEW", "OPEN", "PENDING", "SOLVED", "CLOSED");

	private static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

	private static final List<String> CHANNELS = List.of("WEB", "EMAIL", "API", "PHONE", "IMPORT");

	private static final List<String> ZONES = List.of("UTC", "Asia/Kolkata", "America/St_Johns");

	@Autowired
	RollupCompactor compactor;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	TicketProperties properties;

	private final Random random = new Random(8);

	private TenantDesk desk;

	private TenantDesk other;

	private DirectCount direct;

	private final List<UUID> tickets = new ArrayList<>();

	@BeforeAll
	void tickets() {
		this.desk = desk("rollups");
		this.other = desk("rollups-other");
		this.direct = new DirectCount(this.database, this.desk.tenantId);
		for (int i = 0; i < 300; i++) {
			Instant created = FIRST.atStartOfDay(ZoneId.of("UTC"))
				.toInstant()
				.plus(Duration.ofMinutes(this.random.nextInt(10 * 24 * 60)));
			this.tickets.add(insert(created));
		}
		// the backlog's ages: open tickets near its 1, 3, 7 and 30 day bounds
		for (long minutes : List.of(30L, 23 * 60L + 50, 24 * 60L + 10, 71 * 60L, 73 * 60L, 167 * 60L, 169 * 60L,
				29 * 1440L, 31 * 1440L)) {
			insert(Instant.now().minus(Duration.ofMinutes(minutes)));
		}
	}

	@Test
	void reportsEqualADirectCountThroughChangesAndCompactions() {
		assertReportsEqualTheDirectCount();
		fold(this.desk.tenantId);
		assertReportsEqualTheDirectCount();

		for (int i = 0; i < 120; i++) {
			change(this.tickets.get(this.random.nextInt(this.tickets.size())));
		}
		for (UUID ticket : this.tickets.subList(0, 60)) {
			rate(ticket);
		}
		UUID deleted = this.tickets.remove(61);
		this.database.sql("delete from tickets where id = :id").bind("id", deleted).then().block();
		assertReportsEqualTheDirectCount(); // folded rows + fresh deltas
		fold(this.desk.tenantId);
		assertReportsEqualTheDirectCount();
	}

	@Test
	void concurrentWritersLoseNoDelta() {
		TenantDesk busy = desk("rollups-busy");
		Flux.range(0, 48)
			.flatMap((i) -> Mono
				.fromCallable(() -> busy.raise(busy.customer, Map.of("subject", "Busy " + i, "description", "x")))
				.subscribeOn(Schedulers.boundedElastic()), 16)
			.blockLast();
		String today = LocalDate.now(ZoneId.of("UTC")).toString();
		assertThat(total(busy.admin, "from=" + today + "&to=" + today)).isEqualTo(48);
		fold(busy.tenantId);
		assertThat(
				this.database.sql("select sum(n) as n from report_rollup where tenant_id = :t and measure = 'created'")
					.bind("t", busy.tenantId)
					.map((row) -> row.get("n", Long.class))
					.one()
					.block())
			.isEqualTo(48);
	}

	@Test
	void aTenantSeesOnlyItsOwnRollupRows() {
		Long owner = countRollup(this.desk.tenantId).block();
		assertThat(owner).isPositive();
		assertThat(this.transactions.inTenant(this.other.tenantId, () -> countRollup(this.desk.tenantId)).block())
			.isZero();
		assertThat(this.transactions.inTenant(this.desk.tenantId, () -> countRollup(this.desk.tenantId)).block())
			.isEqualTo(owner);
	}

	private Mono<Long> countRollup(UUID tenant) {
		return this.database
			.sql("select (select count(*) from report_rollup where tenant_id = :t) "
					+ "+ (select count(*) from report_deltas where tenant_id = :t) as n")
			.bind("t", tenant)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	private void assertReportsEqualTheDirectCount() {
		evictCachedReports();
		for (String zone : ZONES) {
			String range = "from=2026-05-02&to=2026-05-08&tz=" + zone;
			ReportRange parsed = new ReportRange(LocalDate.parse("2026-05-02"), LocalDate.parse("2026-05-08"),
					ZoneId.of(zone));
			assertThat(numbers(report("volume", range).get("days"))).as("volume " + zone)
				.isEqualTo(this.direct.volume(parsed));
			Map<?, ?> breakdown = report("breakdown", range);
			Map<String, Object> expected = this.direct.breakdown(parsed);
			for (String dimension : expected.keySet()) {
				assertThat(numbers(breakdown.get(dimension))).as("breakdown " + dimension + " " + zone)
					.isEqualTo(expected.get(dimension));
			}
			assertThat(numbers(report("agents", range).get("agents"))).as("agents " + zone)
				.isEqualTo(this.direct.agents(parsed));
			Map<?, ?> csat = report("csat", range);
			Map<String, Object> expectedCsat = this.direct.csat(parsed);
			for (String figure : expectedCsat.keySet()) {
				assertThat(numbers(csat.get(figure))).as("csat " + figure + " " + zone)
					.isEqualTo(expectedCsat.get(figure));
			}
			assertTimes(report("times", range), this.direct.times(parsed));
		}
		Map<?, ?> backlog = report("backlog", "");
		Map<String, Object> expected = this.direct.backlog();
		assertThat(numbers(backlog.get("byAge"))).isEqualTo(expected.get("byAge"));
		assertThat(numbers(backlog.get("open"))).isEqualTo(expected.get("open"));
		assertThat(backlog.get("oldestCreatedAt")).isEqualTo(expected.get("oldestCreatedAt"));
	}

	/**
	 * Counts exactly; percentiles within the histogram's documented error: 5 % of the
	 * exact value, or 1 s below 1 s.
	 */
	private static void assertTimes(Map<?, ?> times, Map<String, Map<String, Object>> exact) {
		for (String target : List.of("firstResponse", "resolution")) {
			Map<?, ?> actual = (Map<?, ?>) times.get(target);
			Map<String, Object> wanted = exact.get(target);
			assertThat(((Number) actual.get("count")).longValue()).as(target).isEqualTo(wanted.get("count"));
			for (String figure : List.of("medianSeconds", "p90Seconds")) {
				Double value = (Double) wanted.get(figure);
				if (value == null) {
					assertThat(actual.get(figure)).isNull();
				}
				else if (value < 1) {
					assertThat(((Number) actual.get(figure)).doubleValue()).isCloseTo(value, within(1.0));
				}
				else {
					assertThat(((Number) actual.get(figure)).doubleValue()).as(target + " " + figure)
						.isCloseTo(value, withinPercentage(5));
				}
			}
		}
		assertThat(((Number) times.get("created")).longValue()).isEqualTo(exact.get("created").get("count"));
	}

	/**
	 * Folds until none of the tenant's deltas is left (the scheduled compactor may hold
	 * the lock for a round).
	 */
	private void fold(UUID tenant) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			this.compactor.compact().block();
			return noDeltasOf(tenant);
		});
	}

	private boolean noDeltasOf(UUID tenant) {
		return this.database.sql("select count(*) as n from report_deltas where tenant_id = :t")
			.bind("t", tenant)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block() == 0;
	}

	private long total(String token, String query) {
		return ((Number) this.web.get()
			.uri("/api/admin/reports/breakdown?" + query)
			.headers((h) -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("total")).longValue();
	}

	/** The reports must be computed again, not served from Redis. */
	private void evictCachedReports() {
		this.redis
			.scan(ScanOptions.scanOptions()
				.match(this.properties.redisKeyPrefix() + "report:" + this.desk.slug + ":*")
				.build())
			.flatMap(this.redis::delete)
			.blockLast();
	}

	private Map<?, ?> report(String name, String query) {
		return this.web.get()
			.uri("/api/admin/reports/" + name + "?" + query)
			.headers((h) -> h.setBearerAuth(this.desk.admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private UUID insert(Instant created) {
		UUID id = UUID.randomUUID();
		String status = pick(STATUSES);
		boolean solved = "SOLVED".equals(status) || "CLOSED".equals(status);
		GenericExecuteSpec spec = this.database
			.sql("insert into tickets (id, tenant_id, subject, description, status, priority, category, requester_id, "
					+ "assignee_id, channel, created_at, updated_at, first_responded_at, solved_at) values (:id, "
					+ ":tenantId, 'Rolled', 'Rolled up', :status, :priority, :category, :requester, :assignee, "
					+ ":channel, :created, :created, :responded, :solved)")
			.bind("id", id)
			.bind("tenantId", this.desk.tenantId)
			.bind("status", status)
			.bind("priority", pick(PRIORITIES))
			.bind("requester", this.desk.customerId)
			.bind("channel", pick(CHANNELS))
			.bind("created", created);
		spec = bindNullable(spec, "category", pickNullable(List.of("Billing", "Access", "Hardware")), String.class);
		spec = bindNullable(spec, "assignee", assignee(), UUID.class);
		spec = bindNullable(spec, "responded",
				(solved || this.random.nextBoolean()) ? created.plusSeconds(this.random.nextInt(20_000)) : null,
				Instant.class);
		spec = bindNullable(spec, "solved", solved ? created.plusSeconds(60 + this.random.nextInt(400_000)) : null,
				Instant.class);
		spec.then().block();
		return id;
	}

	/** One change of the kinds an agent makes, chosen at random. */
	private void change(UUID ticket) {
		switch (this.random.nextInt(5)) {
			case 0 -> update("update tickets set status = :value where id = :id", ticket,
					pick(List.of("OPEN", "PENDING", "CLOSED")));
			case 1 -> update("update tickets set status = 'SOLVED', solved_at = coalesce(solved_at, created_at + "
					+ "interval '5 hours'), first_responded_at = coalesce(first_responded_at, created_at + interval "
					+ "'1 hour') where id = :id", ticket, null);
			case 2 -> {
				UUID assignee = assignee();
				update("update tickets set assignee_id = cast(nullif(:value, '') as uuid) where id = :id", ticket,
						(assignee != null) ? assignee.toString() : "");
			}
			case 3 -> update("update tickets set priority = :value, category = 'Moved' where id = :id", ticket,
					pick(PRIORITIES));
			default -> update("update tickets set first_responded_at = created_at + interval '17 minutes', "
					+ "subject = 'Answered' where id = :id", ticket, null);
		}
	}

	private void update(String sql, UUID ticket, String value) {
		GenericExecuteSpec spec = this.database.sql(sql).bind("id", ticket);
		((value != null) ? spec.bind("value", value) : spec).then().block();
	}

	private void rate(UUID ticket) {
		this.database.sql("insert into ticket_ratings (ticket_id, tenant_id, rater_id, agent_id, score, rated_at) "
				+ "select id, tenant_id, requester_id, assignee_id, :score, created_at + interval '7 hours 20 minutes' "
				+ "from tickets where id = :id on conflict do nothing")
			.bind("id", ticket)
			.bind("score", this.random.nextInt(4) == 0 ? "BAD" : "GOOD")
			.then()
			.block();
	}

	private UUID assignee() {
		return switch (this.random.nextInt(3)) {
			case 0 -> this.desk.agentId;
			case 1 -> null;
			default -> this.direct.adminId();
		};
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private String pickNullable(List<String> values) {
		int index = this.random.nextInt(values.size() + 1);
		return (index < values.size()) ? values.get(index) : null;
	}

	private static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	/**
	 * JSON numbers as longs (doubles left alone), for comparing with the direct count.
	 */
	private static Object numbers(Object json) {
		if (json instanceof Map<?, ?> map) {
			Map<Object, Object> result = new LinkedHashMap<>();
			map.forEach((key, value) -> result.put(key, numbers(value)));
			return result;
		}
		if (json instanceof List<?> list) {
			return list.stream().map(ReportRollupTest::numbers).toList();
		}
		return (json instanceof Integer || json instanceof Long) ? ((Number) json).longValue() : json;
	}

}
