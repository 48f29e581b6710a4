package dev.deskflow.ticket.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The report numbers against a hand count of a small, known set of tickets (written
 * straight to the database with fixed timestamps):
 *
 * <pre>
 * ticket created (UTC)       status   category priority channel responded solved (UTC)      assignee rating
 * T1     03-01 10:00         SOLVED   Billing  HIGH     WEB     +1h       03-01 14:00 (+4h)  agent    GOOD 03-01 15:00
 * T2     03-02 03:30         OPEN     Billing  NORMAL   EMAIL   +2h       -                  agent
 * T3     03-02 08:00         CLOSED   Access   NORMAL   WEB     +3h       03-02 18:00 (+10h) agent    BAD  03-02 19:00
 * T4     03-02 09:00         NEW      -        LOW      PHONE   -         -                  -
 * T5     03-03 12:00         SOLVED   Access   URGENT   WEB     +4h       03-04 12:00 (+24h) agent    GOOD 03-05 (outside)
 * T6     02-27 12:00 (out)   SOLVED   Billing  NORMAL   WEB     +1h       03-01 12:00        agent    GOOD 03-01 13:00
 * T7     now - 2 days        PENDING  -        NORMAL   WEB     -         -                  -
 * </pre> Range 2026-03-01 to 2026-03-03. T2 was created on 03-01 evening in New York.
 */
class ReportTest extends DeskTest {

	static final String RANGE = "from=2026-03-01&to=2026-03-03";

	TenantDesk desk;

	TenantDesk other;

	@BeforeAll
	void knownTickets() {
		this.desk = desk("reports");
		this.other = desk("reports-other");
		UUID agent = this.desk.agentId;
		UUID t1 = ticket("2026-03-01T10:00:00Z", "SOLVED", "Billing", "HIGH", "WEB", 1, "2026-03-01T14:00:00Z", agent);
		ticket("2026-03-02T03:30:00Z", "OPEN", "Billing", "NORMAL", "EMAIL", 2, null, agent);
		UUID t3 = ticket("2026-03-02T08:00:00Z", "CLOSED", "Access", "NORMAL", "WEB", 3, "2026-03-02T18:00:00Z", agent);
		ticket("2026-03-02T09:00:00Z", "NEW", null, "LOW", "PHONE", null, null, null);
		UUID t5 = ticket("2026-03-03T12:00:00Z", "SOLVED", "Access", "URGENT", "WEB", 4, "2026-03-04T12:00:00Z", agent);
		UUID t6 = ticket("2026-02-27T12:00:00Z", "SOLVED", "Billing", "NORMAL", "WEB", 1, "2026-03-01T12:00:00Z",
				agent);
		ticket(Instant.now().minus(Duration.ofDays(2)).toString(), "PENDING", null, "NORMAL", "WEB", null, null, null);
		rating(t1, "GOOD", "2026-03-01T15:00:00Z");
		rating(t3, "BAD", "2026-03-02T19:00:00Z");
		rating(t5, "GOOD", "2026-03-05T10:00:00Z");
		rating(t6, "GOOD", "2026-03-01T13:00:00Z");
	}

	@Test
	void countsCreatedAndSolvedPerDayInTheTimeZone() {
		assertThat(report(this.desk.admin, "volume", RANGE).get("days"))
			.isEqualTo(List.of(Map.of("day", "2026-03-01", "created", 1, "solved", 2),
					Map.of("day", "2026-03-02", "created", 3, "solved", 1),
					Map.of("day", "2026-03-03", "created", 1, "solved", 0)));
		assertThat(report(this.desk.admin, "volume", RANGE + "&tz=America/New_York").get("days"))
			.isEqualTo(List.of(Map.of("day", "2026-03-01", "created", 2, "solved", 2),
					Map.of("day", "2026-03-02", "created", 2, "solved", 1),
					Map.of("day", "2026-03-03", "created", 1, "solved", 0)));
	}

	@Test
	void breaksTheRangesTicketsDown() {
		Map<?, ?> breakdown = report(this.desk.admin, "breakdown", RANGE);
		assertThat(breakdown.get("total")).isEqualTo(5);
		assertThat(breakdown.get("status")).isEqualTo(Map.of("SOLVED", 2, "OPEN", 1, "CLOSED", 1, "NEW", 1));
		assertThat(breakdown.get("category")).isEqualTo(Map.of("Billing", 2, "Access", 2, "(none)", 1));
		assertThat(breakdown.get("priority")).isEqualTo(Map.of("HIGH", 1, "NORMAL", 2, "LOW", 1, "URGENT", 1));
		assertThat(breakdown.get("channel")).isEqualTo(Map.of("WEB", 3, "EMAIL", 1, "PHONE", 1));
	}

	@Test
	void givesMedianAndP90OfResponseAndResolution() {
		Map<?, ?> times = report(this.desk.admin, "times", RANGE);
		Map<?, ?> response = (Map<?, ?>) times.get("firstResponse");
		Map<?, ?> resolution = (Map<?, ?>) times.get("resolution");
		// responses 1h 2h 3h 4h; resolutions 4h 10h 24h: percentile_cont would give
		// 9000/13320 and 36000/76320 s; the rollup's histogram is within 5 % of it
		assertThat(response.get("count")).isEqualTo(4);
		assertThat(((Number) response.get("medianSeconds")).doubleValue()).isCloseTo(9000, withinPercentage(5));
		assertThat(((Number) response.get("p90Seconds")).doubleValue()).isCloseTo(13320, withinPercentage(5));
		assertThat(resolution.get("count")).isEqualTo(3);
		assertThat(((Number) resolution.get("medianSeconds")).doubleValue()).isCloseTo(36000, withinPercentage(5));
		assertThat(((Number) resolution.get("p90Seconds")).doubleValue()).isCloseTo(76320, withinPercentage(5));
	}

	@Test
	void bucketsTheOpenBacklogByAge() {
		Map<?, ?> backlog = report(this.desk.admin, "backlog", "");
		assertThat(backlog.get("open")).isEqualTo(3);
		assertThat(backlog.get("byAge"))
			.isEqualTo(Map.of("under1Day", 0, "1to3Days", 1, "3to7Days", 0, "7to30Days", 0, "over30Days", 2));
	}

	@Test
	void givesEachAgentsWorkloadAndSatisfaction() {
		List<?> agents = (List<?>) report(this.desk.admin, "agents", RANGE).get("agents");
		Map<?, ?> agent = agents.stream()
			.map(Map.class::cast)
			.filter((row) -> this.desk.agentId.toString().equals(row.get("userId")))
			.findFirst()
			.orElseThrow();
		assertThat(agent.get("openAssigned")).isEqualTo(1);
		assertThat(agent.get("solved")).isEqualTo(3);
		assertThat(agent.get("good")).isEqualTo(2);
		assertThat(agent.get("bad")).isEqualTo(1);
		assertThat(((Number) agent.get("csat")).doubleValue()).isCloseTo(2.0 / 3, within(0.0001));
		assertThat(agents).hasSize(2); // the agent and the admin, no customers

		Map<?, ?> csat = report(this.desk.admin, "csat", RANGE);
		assertThat(csat.get("good")).isEqualTo(2);
		assertThat(csat.get("bad")).isEqualTo(1);
	}

	@Test
	void anotherTenantsAdminSeesOnlyTheirOwnTickets() {
		Map<?, ?> breakdown = report(this.other.admin, "breakdown", RANGE);
		assertThat(breakdown.get("total")).isEqualTo(0);
		assertThat(report(this.other.admin, "csat", RANGE).get("good")).isEqualTo(0);
	}

	@Test
	void onlyAdminsReadReports() {
		assertProblem(call(this.desk.agent, "/api/admin/reports/volume"), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		assertProblem(call(this.desk.customer, "/api/admin/reports/volume"), HttpStatus.FORBIDDEN,
				ProblemTypes.FORBIDDEN);
		assertProblem(call(null, "/api/admin/reports/volume"), HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED);
	}

	@Test
	void rejectsInvalidParameters() {
		for (String query : List.of("tz=Mars/Olympus", "tz=%2B02:00", "from=2026-03-05&to=2026-03-01",
				"from=2020-01-01&to=2026-01-01", "from=yesterday", "from=2026-02-30", "colour=red", "tz=UTC&tz=UTC")) {
			assertProblem(call(this.desk.admin, "/api/admin/reports/volume?" + query), HttpStatus.BAD_REQUEST,
					ProblemTypes.VALIDATION);
		}
		assertProblem(call(this.desk.admin, "/api/admin/reports/sla-magic"), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND);
	}

	@Test
	void servesARepeatedReportFromTheCache() {
		String path = "/api/admin/reports/breakdown?from=2026-03-02&to=2026-03-02&tz=Europe/Berlin";
		Map<?, ?> first = call(this.desk.admin, path).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(ReportController.CACHE_HEADER, "MISS")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> second = call(this.desk.admin, path).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(ReportController.CACHE_HEADER, "HIT")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(second).isEqualTo(first);
		call(this.other.admin, path).expectHeader().valueEquals(ReportController.CACHE_HEADER, "MISS");
	}

	private Map<?, ?> report(String token, String name, String query) {
		return call(token, "/api/admin/reports/" + name + "?" + query).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec call(String token, String path) {
		return this.web.get().uri(path).headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).exchange();
	}

	private UUID ticket(String created, String status, String category, String priority, String channel,
			Integer respondedAfterHours, String solved, UUID assignee) {
		UUID id = UUID.randomUUID();
		Instant createdAt = Instant.parse(created);
		GenericExecuteSpec spec = this.database
			.sql("insert into tickets (id, tenant_id, subject, description, status, priority, category, requester_id, "
					+ "assignee_id, channel, created_at, updated_at, first_responded_at, solved_at) values (:id, "
					+ ":tenantId, 'Known', 'Known ticket', :status, :priority, :category, :requester, :assignee, "
					+ ":channel, :created, :created, :responded, :solved)")
			.bind("id", id)
			.bind("tenantId", this.desk.tenantId)
			.bind("status", status)
			.bind("priority", priority)
			.bind("requester", this.desk.customerId)
			.bind("channel", channel)
			.bind("created", createdAt);
		spec = (category != null) ? spec.bind("category", category) : spec.bindNull("category", String.class);
		spec = (assignee != null) ? spec.bind("assignee", assignee) : spec.bindNull("assignee", UUID.class);
		spec = (respondedAfterHours != null)
				? spec.bind("responded", createdAt.plus(Duration.ofHours(respondedAfterHours)))
				: spec.bindNull("responded", Instant.class);
		spec = (solved != null) ? spec.bind("solved", Instant.parse(solved)) : spec.bindNull("solved", Instant.class);
		spec.then().block();
		return id;
	}

	private void rating(UUID ticketId, String score, String at) {
		this.database
			.sql("insert into ticket_ratings (ticket_id, tenant_id, rater_id, agent_id, score, rated_at) "
					+ "values (:ticketId, :tenantId, :rater, :agent, :score, :at)")
			.bind("ticketId", ticketId)
			.bind("tenantId", this.desk.tenantId)
			.bind("rater", this.desk.customerId)
			.bind("agent", this.desk.agentId)
			.bind("score", score)
			.bind("at", Instant.parse(at))
			.then()
			.block();
	}

}
