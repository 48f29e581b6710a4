package dev.deskflow.ops;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards and Grafana's provisioning, as files: every dashboard the issue names,
 * each with a unique uid, every panel on the provisioned datasource with a query. Whether
 * the queries name real metrics is {@link RunningPlatformTest}'s part.
 */
class DashboardsTest {

	@Test
	void provisionsEveryDashboardOfThePlatform() {
		assertThat(Dashboards.files()).extracting((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrder("platform-overview.json", "service-red.json", "kafka-outbox.json", "ai.json",
					"realtime.json", "tenant-desk.json");
		JsonNode provider = Project.yaml(Project.file("deploy/grafana/provisioning/dashboards/deskflow.yml"));
		assertThat(provider.path("providers").get(0).path("type").asText()).isEqualTo("file");
	}

	@Test
	void everyPanelQueriesTheProvisionedDatasource() {
		JsonNode datasource = Project.yaml(Project.file("deploy/grafana/provisioning/datasources/prometheus.yml"))
			.path("datasources")
			.get(0);
		assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
		String uid = datasource.path("uid").asText();
		Set<String> dashboardUids = new HashSet<>();
		for (Path file : Dashboards.files()) {
			JsonNode dashboard = Dashboards.read(file);
			assertThat(dashboardUids.add(dashboard.path("uid").asText())).as("uid of %s is unique", file).isTrue();
			assertThat(dashboard.path("panels")).isNotEmpty();
			Set<Integer> panelIds = new HashSet<>();
			for (JsonNode panel : dashboard.path("panels")) {
				assertThat(panelIds.add(panel.path("id").asInt())).isTrue();
				assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(uid);
				assertThat(panel.path("targets")).isNotEmpty();
				panel.path("targets").forEach((target) -> assertThat(target.path("expr").asText()).isNotBlank());
			}
		}
	}

	@Test
	void everyQueryNamesAtLeastOneMetric() {
		List<Dashboards.Query> queries = Dashboards.queries();
		assertThat(queries).hasSizeGreaterThan(30)
			.allSatisfy(
					(query) -> assertThat(PromQl.metricNames(query.expression())).as(query.toString()).isNotEmpty());
	}

}
