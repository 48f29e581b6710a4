package dev.deskflow.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Running the demo tenant's desk on the real platform, through the gateway only: its
 * admin sets a calendar, an SLA policy with an escalation, a group and a trigger; a
 * customer's urgent ticket is routed to the group's agent as it is created and shows its
 * clocks; the at-risk warning and the breach reach an agent's socket on time and the
 * breach escalates; a published article is found by search; and the report figures equal
 * a count made by listing the tickets one by one.
 */
class DeskTest extends PlatformTest {

	/**
	 * The smallest targets the policy rules allow: at risk after 1 minute, due after 2.
	 */
	private static final int FIRST_RESPONSE_MINUTES = 2;

	private static final int AT_RISK_MINUTES = 1;

	@Test
	void anAdminsSlaTriggerAndGroupRunTheDeskOnTime() {
		String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Api.User admin = demoUser("admin");
		Api.User agent1 = demoUser("agent1");
		Api.User agent2 = demoUser("agent2");
		Api.User agent3 = demoUser("agent3");
		Api.User customer = demoUser("customer07");
		String category = "slacheck" + run;
		Map<String, List<String>> allDay = new LinkedHashMap<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			allDay.put(day, List.of("00:00-24:00"));
		}
		for (Api.User agent : List.of(agent1, agent2)) {
			assertThat(api.put("/api/agents/me/availability", agent, Map.of("status", "ONLINE")).status())
				.isEqualTo(200);
		}
		String group = created(api.post("/api/admin/groups", admin, Map.of("name", "Escalations " + run, "routing",
				"ROUND_ROBIN", "capacity", 1000, "members", List.of(agent1.id(), agent2.id()))));
		String policy = null;
		String trigger = null;
		try {
			// replaces the tenant's calendar if it has one (with the version read), or
			// creates it
			Api.Answer calendar = api.get("/api/admin/sla/calendar", admin);
			String calendarVersion = (calendar.status() == 200) ? calendar.header("ETag") : null;
			assertThat(api
				.put("/api/admin/sla/calendar", admin, calendarVersion,
						Map.of("zone", "UTC", "hours", allDay, "holidays", List.of()))
				.status()).isEqualTo(200);
			policy = created(api.post("/api/admin/sla/policies", admin,
					Map.of("name", "Urgent " + run, "order", 9000 + (int) (Math.random() * 1000), "priorities",
							List.of("URGENT"), "category", category, "firstResponseMinutes", FIRST_RESPONSE_MINUTES,
							"resolutionMinutes", 240, "atRiskMinutes", AT_RISK_MINUTES, "escalation",
							Map.of("assigneeId", agent3.id()))));
			trigger = created(api.post("/api/admin/triggers", admin,
					Map.of("name", "Urgent " + category + " to escalations", "event", "CREATED", "conditions",
							Map.of("priority", List.of("URGENT"), "category", List.of(category)), "actions",
							Map.of("groupId", group))));

			Map<String, JsonNode> slaEvents = new ConcurrentHashMap<>();
			Map<String, Long> receivedAt = new ConcurrentHashMap<>();
			try (LiveSocket socket = LiveSocket.open(api, platform.gateway(), agent1, (frame, at) -> {
				String type = frame.path("eventType").asString();
				if (type.startsWith("sla.")) {
					slaEvents.putIfAbsent(type + ":" + frame.path("data").path("ticketId").asString(), frame);
					receivedAt.putIfAbsent(type + ":" + frame.path("data").path("ticketId").asString(), at);
				}
			})) {
				socket.subscribe("queue");
				Api.Answer raised = api.post("/api/tickets", customer,
						Map.of("subject", "Checkout is down for every customer", "description",
								"Nobody can pay since the last deployment.", "priority", "URGENT", "category",
								category));
				assertThat(raised.status()).as(String.valueOf(raised.body())).isEqualTo(201);
				String ticket = raised.body().path("id").asString();

				// the trigger put it in the group and routing gave it to a member, in the
				// same write
				JsonNode seen = api.get("/api/tickets/" + ticket, agent1).body();
				assertThat(seen.path("groupId").asString()).isEqualTo(group);
				assertThat(seen.path("assigneeId").asString()).isIn(agent1.id(), agent2.id());

				// its clocks
				JsonNode sla = api.get("/api/tickets/" + ticket + "/sla", agent1).body();
				assertThat(sla.path("applies").asBoolean()).isTrue();
				assertThat(sla.path("policyId").asString()).isEqualTo(policy);
				JsonNode firstResponse = sla.path("firstResponse");
				Instant dueAt = Instant.parse(firstResponse.path("dueAt").asString());
				Instant createdAt = Instant.parse(seen.path("createdAt").asString());
				assertThat(Duration.between(createdAt, dueAt)).isEqualTo(Duration.ofMinutes(FIRST_RESPONSE_MINUTES));
				assertThat(firstResponse.path("breached").asBoolean()).isFalse();
				assertThat(firstResponse.path("remainingSeconds").asLong()).isBetween(1L, FIRST_RESPONSE_MINUTES * 60L);

				// the warning, then the breach, each on time, on an agent's socket
				await("sla.at-risk and sla.breached").atMost(Duration.ofMinutes(FIRST_RESPONSE_MINUTES + 2))
					.until(() -> slaEvents.containsKey("sla.breached:" + ticket));
				JsonNode atRisk = slaEvents.get("sla.at-risk:" + ticket);
				assertThat(atRisk).as("sla.at-risk before the breach").isNotNull();
				assertThat(receivedAt.get("sla.at-risk:" + ticket))
					.isBetween(dueAt.minus(Duration.ofMinutes(AT_RISK_MINUTES)).toEpochMilli(), dueAt.toEpochMilli());
				JsonNode breach = slaEvents.get("sla.breached:" + ticket).path("data");
				assertThat(breach.path("target").asString()).isEqualTo("first-response");
				Instant breachedAt = Instant.parse(breach.path("breachedAt").asString());
				assertThat(Duration.between(dueAt, breachedAt)).as("detection lag")
					.isBetween(Duration.ZERO, Duration.ofSeconds(10));
				assertThat(receivedAt.get("sla.breached:" + ticket) - dueAt.toEpochMilli()).as("due → agent's socket")
					.isBetween(0L, 15_000L);

				// the breach escalated: the policy's agent has it now
				await().atMost(Duration.ofSeconds(30))
					.until(() -> api.get("/api/tickets/" + ticket, agent1).body().path("assigneeId").asString(),
							agent3.id()::equals);
				assertThat(api.get("/api/tickets/" + ticket + "/sla", agent1)
					.body()
					.path("firstResponse")
					.path("breached")
					.asBoolean()).isTrue();
				assertThat(api.get("/api/tickets?sla=breached&category=" + category, agent1).body().path("items"))
					.extracting((item) -> item.path("id").asString())
					.containsExactly(ticket);
				// and the SLA report counts it: first response missed, resolution still
				// open
				LocalDate today = LocalDate.now(ZoneOffset.UTC);
				JsonNode report = api.get("/api/admin/reports/sla?from=" + today + "&to=" + today + "&tz=UTC", admin)
					.body();
				assertThat(report.path("firstResponse").path("missed").asLong()).as(report.toString()).isEqualTo(1);
				assertThat(report.path("firstResponse").path("met").asLong()).isZero();
				assertThat(report.path("firstResponse").path("attainment").asDouble()).isZero();
				assertThat(report.path("resolution").path("open").asLong()).isEqualTo(1);
			}
		}
		finally {
			if (trigger != null) {
				api.delete("/api/admin/triggers/" + trigger, admin);
			}
			if (policy != null) {
				api.delete("/api/admin/sla/policies/" + policy, admin, "*");
			}
			api.delete("/api/admin/sla/calendar", admin, "*");
			api.delete("/api/admin/groups/" + group, admin);
		}
	}

	@Test
	void aPublishedArticleIsFoundBySearchOnThePortal() {
		String word = "zebracrossing" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		Api.User agent = demoUser("agent2");
		Api.Answer published = api.post("/api/kb/articles", agent, Map.of("title", "Resetting the " + word + " token",
				"body", "Open **Settings**, then *Security*, and press Reset.", "status", "PUBLISHED"));
		String article = created(published);
		Api.Answer signedIn = api.get("/api/kb/articles?q=" + word, demoUser("customer08"));
		assertThat(signedIn.body().path("items")).extracting((item) -> item.path("id").asString())
			.containsExactly(article);
		Api.Answer anonymous = api.get("/api/kb/articles?tenant=" + TENANT + "&q=" + word, null);
		assertThat(anonymous.body().path("items")).extracting((item) -> item.path("id").asString())
			.containsExactly(article);
		assertThat(api.get("/api/kb/articles/" + article + "?tenant=" + TENANT, null).body().path("html").asString())
			.contains("<strong>Settings</strong>");
	}

	@Test
	void theReportFiguresEqualACountOfTheDemoTicketsOneByOne() {
		Api.User admin = demoUser("admin");
		// whole days that are over, so the tickets other tests raise today do not count
		LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		LocalDate from = to.minusDays(364);
		JsonNode breakdown = api.get("/api/admin/reports/breakdown?from=" + from + "&to=" + to + "&tz=UTC", admin)
			.body();
		JsonNode volume = api.get("/api/admin/reports/volume?from=" + from + "&to=" + to + "&tz=UTC", admin).body();

		Map<String, Long> byStatus = new HashMap<>();
		Map<String, Long> byPriority = new HashMap<>();
		long total = 0;
		String cursor = null;
		do {
			JsonNode page = api
				.get("/api/tickets?limit=100&createdFrom=" + from.atStartOfDay(ZoneOffset.UTC).toInstant()
						+ "&createdTo=" + to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
						+ ((cursor != null) ? "&cursor=" + cursor : ""), admin)
				.body();
			for (JsonNode ticket : page.path("items")) {
				byStatus.merge(ticket.path("status").asString(), 1L, Long::sum);
				byPriority.merge(ticket.path("priority").asString(), 1L, Long::sum);
				total++;
			}
			cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
		}
		while (cursor != null);

		assertThat(total).as("demo tickets in the range").isPositive();
		assertThat(breakdown.path("total").asLong()).isEqualTo(total);
		assertThat(counts(breakdown.path("status"))).isEqualTo(byStatus);
		assertThat(counts(breakdown.path("priority"))).isEqualTo(byPriority);
		long createdPerDay = 0;
		for (JsonNode day : volume.path("days")) {
			createdPerDay += day.path("created").asLong();
		}
		assertThat(createdPerDay).isEqualTo(total);
	}

	private static Map<String, Long> counts(JsonNode object) {
		Map<String, Long> counts = new HashMap<>();
		object.properties().forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asLong()));
		return counts;
	}

	private static String created(Api.Answer answer) {
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
		return answer.body().path("id").asString();
	}

}
