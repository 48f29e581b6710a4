package dev.deskflow.ticket.export;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.ticket.fixture.DeskTest;
import dev.deskflow.ticket.fixture.TenantDesk;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TicketExportTest extends DeskTest {

	TenantDesk acme;

	TenantDesk globex;

	@BeforeAll
	void desks() {
		this.acme = desk("export-acme");
		this.globex = desk("export-globex");
	}

	@Test
	void exportsTheFilteredListAsCsvWithFormulasDefused() throws IOException {
		String tag = tag();
		String description = "Line one, with \"quotes\"\nand a second line";
		raise(tag, "=HYPERLINK(\"http://evil\")", description, "HIGH");
		raise(tag, "Plain subject", "plain", "LOW");
		raise(tag, "Not exported: other priority", "x", "NORMAL");

		List<CSVRecord> rows = export(this.acme.agent, "?tag=" + tag + "&priority=HIGH,LOW&sort=created");

		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("subject")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(rows.get(0).get("description")).isEqualTo(description);
		assertThat(rows.get(0).get("priority")).isEqualTo("HIGH");
		assertThat(rows.get(0).get("requester_id")).isEqualTo(this.acme.customerId.toString());
		assertThat(rows.get(1).get("subject")).isEqualTo("Plain subject");
		assertThat(rows.get(1).get("tags")).isEqualTo(tag);
	}

	@Test
	void streamsEveryMatchingTicketAcrossManyPages() throws IOException {
		String tag = tag();
		this.database
			.sql("insert into tickets (id, tenant_id, subject, description, status, priority, tags, requester_id, "
					+ "channel, created_at, updated_at) select gen_random_uuid(), :tenantId, 'Bulk ' || n, 'd', 'OPEN', "
					+ "'NORMAL', array[cast(:tag as text)], :requester, 'API', now() - n * interval '1 second', now() "
					+ "from generate_series(1, 1234) as n")
			.bind("tenantId", this.acme.tenantId)
			.bind("tag", tag)
			.bind("requester", this.acme.customerId)
			.then()
			.block();

		List<CSVRecord> rows = export(this.acme.admin, "?tag=" + tag);

		assertThat(rows).hasSize(1234);
		assertThat(rows.stream().map((row) -> row.get("id")).distinct()).hasSize(1234);
		assertThat(rows.get(0).get("subject")).isEqualTo("Bulk 1"); // newest first
		assertThat(rows.get(1233).get("subject")).isEqualTo("Bulk 1234");
		assertThat(export(this.globex.agent, "?tag=" + tag)).isEmpty();
	}

	@Test
	void onlyStaffExportAndParametersAreChecked() {
		assertProblem(call(this.acme.customer, ""), HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN);
		assertProblem(call(null, ""), HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED);
		for (String query : List.of("?status=LOST", "?limit=10", "?cursor=abc", "?colour=red")) {
			assertProblem(call(this.acme.agent, query), HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION);
		}
	}

	private static String tag() {
		return "exp-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private void raise(String tag, String subject, String description, String priority) {
		this.acme.raise(this.acme.agent, Map.of("subject", subject, "description", description, "priority", priority,
				"tags", List.of(tag), "requesterId", this.acme.customerId.toString()));
	}

	private List<CSVRecord> export(String token, String query) throws IOException {
		String body = call(token, query).expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment; filename=\"tickets.csv\"")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader((body != null) ? body : ""))
			.getRecords();
	}

	private WebTestClient.ResponseSpec call(String token, String query) {
		return this.web.get().uri("/api/tickets/export.csv" + query).headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).exchange();
	}

}
