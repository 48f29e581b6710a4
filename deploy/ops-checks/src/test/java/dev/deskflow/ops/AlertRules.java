package dev.deskflow.ops;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The alert rules of {@code deploy/prometheus/alerts.yml}. */
final class AlertRules {

	/**
	 * One alert.
	 *
	 * @param name the alert's name
	 * @param expression its PromQL
	 * @param runbook where the runbook explains it
	 */
	record Rule(String name, String expression, String runbook) {
	}

	private AlertRules() {
	}

	static List<Rule> all() {
		List<Rule> rules = new ArrayList<>();
		for (JsonNode group : Project.yaml(Project.file("deploy/prometheus/alerts.yml")).path("groups")) {
			for (JsonNode rule : group.path("rules")) {
				rules.add(new Rule(rule.path("alert").asText(), rule.path("expr").asText(),
						rule.path("annotations").path("runbook").asText()));
			}
		}
		return rules;
	}

}
