package dev.deskflow.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** The provisioned Grafana dashboards under {@code deploy/grafana/dashboards}. */
final class Dashboards {

	/**
	 * One query of a dashboard.
	 *
	 * @param dashboard the dashboard file
	 * @param where the panel title or template variable it belongs to
	 * @param expression its PromQL
	 */
	record Query(String dashboard, String where, String expression) {
	}

	private Dashboards() {
	}

	static List<Path> files() {
		try (Stream<Path> files = Files.list(Project.file("deploy/grafana/dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode read(Path file) {
		try {
			return Project.JSON.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not valid JSON: " + file, ex);
		}
	}

	/**
	 * @return every panel target and every template variable query of every dashboard
	 */
	static List<Query> queries() {
		List<Query> queries = new ArrayList<>();
		for (Path file : files()) {
			JsonNode dashboard = read(file);
			String name = file.getFileName().toString();
			for (JsonNode panel : dashboard.path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new Query(name, panel.path("title").asText(), target.path("expr").asText()));
				}
			}
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				queries.add(new Query(name, "$" + variable.path("name").asText(),
						variable.path("query").path("query").asText()));
			}
		}
		return queries;
	}

}
