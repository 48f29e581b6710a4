package dev.deskflow.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/prometheus/}: promtool accepts the configuration and the rules, the
 * rules' unit tests pass, and every service is scraped where its Actuator listens.
 */
class PrometheusConfigTest {

	private static final Path PROMETHEUS = Project.file("deploy/prometheus");

	@Test
	void promtoolAcceptsTheConfiguration() {
		Promtool.Result result = Promtool.run(PROMETHEUS, "check", "config", "prometheus.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 1 rule files found");
	}

	@Test
	void promtoolAcceptsTheAlertRules() {
		Promtool.Result result = Promtool.run(PROMETHEUS, "check", "rules", "alerts.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + AlertRules.all().size() + " rules found");
	}

	@Test
	void everyAlertFiresInTheRulesUnitTests() {
		Promtool.Result result = Promtool.run(PROMETHEUS, "test", "rules", "alerts-test.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		List<String> tested = new ArrayList<>();
		for (JsonNode test : Project.yaml(PROMETHEUS.resolve("alerts-test.yml")).path("tests")) {
			for (JsonNode check : test.path("alert_rule_test")) {
				if (!check.path("exp_alerts").isEmpty()) {
					tested.add(check.path("alertname").asText());
				}
			}
		}
		assertThat(tested).containsAll(AlertRules.all().stream().map(AlertRules.Rule::name).toList());
	}

	@Test
	void everyAlertLinksItsRunbookSection() {
		String operations = Project.read(Project.file("docs/operations.md"));
		for (AlertRules.Rule rule : AlertRules.all()) {
			assertThat(rule.runbook()).isEqualTo("docs/operations.md#" + rule.name().toLowerCase());
			assertThat(operations).as("docs/operations.md explains %s", rule.name())
				.contains("#### " + rule.name() + "\n");
		}
	}

	@Test
	void scrapesEveryServiceOnItsActuatorPort() {
		JsonNode config = Project.yaml(PROMETHEUS.resolve("prometheus.yml"));
		List<String> jobs = new ArrayList<>();
		for (JsonNode job : config.path("scrape_configs")) {
			String name = job.path("job_name").asText();
			jobs.add(name);
			assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
			assertThat(job.path("static_configs").get(0).path("targets").get(0).asText())
				.isEqualTo("127.0.0.1:" + ServicePorts.actuatorPort(name));
		}
		assertThat(jobs).containsExactlyInAnyOrderElementsOf(Project.SERVICES);
	}

}
