package dev.deskflow.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/compose.yaml}: parses, runs every server and service with a health check,
 * and gives each service the settings it needs to find the others (read from the
 * services' own {@code application.yml}).
 */
class ComposeTest {

	static final List<String> services = Project.SERVICES;

	private static final JsonNode compose = Project.yaml(Project.file("deploy/compose.yaml"));

	private static JsonNode service(String name) {
		JsonNode service = compose.path("services").path(name);
		assertThat(service.isObject()).as("compose runs %s", name).isTrue();
		return service;
	}

	private static Set<String> environment(String name) {
		Set<String> names = new TreeSet<>();
		service(name).path("environment").fieldNames().forEachRemaining(names::add);
		return names;
	}

	@Test
	void runsTheServersAndEveryServiceEachWithAHealthCheck() {
		List<String> expected = new ArrayList<>(List.of("postgres", "kafka", "redis"));
		expected.addAll(Project.SERVICES);
		List<String> names = new ArrayList<>();
		compose.path("services").fieldNames().forEachRemaining(names::add);
		assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
		for (String server : List.of("postgres", "kafka", "redis")) {
			assertThat(service(server).path("healthcheck").path("test").isArray()).as("%s health check", server)
				.isTrue();
			assertThat(Images.isPinned(service(server).path("image").asText())).isTrue();
		}
	}

	@ParameterizedTest
	@FieldSource("services")
	void buildsTheServiceImageAndStartsItAfterItsServersAreHealthy(String name) {
		JsonNode service = service(name);
		assertThat(service.path("build").path("dockerfile").asText())
			.isEqualTo("deploy/docker/" + name + ".Dockerfile");
		assertThat(Images.isPinned(service.path("image").asText())).isTrue();
		service.path("depends_on")
			.forEach((dependency) -> assertThat(dependency.path("condition").asText()).isEqualTo("service_healthy"));
		assertThat(service.path("depends_on").has("redis")).as("every service uses Redis").isTrue();
	}

	@ParameterizedTest
	@FieldSource("services")
	void runsReadOnlyWithAWritableTmpAndNoCapabilities(String name) {
		JsonNode service = service(name);
		assertThat(service.path("read_only").asBoolean()).isTrue();
		assertThat(service.path("tmpfs").get(0).asText()).startsWith("/tmp:");
		assertThat(service.path("cap_drop").get(0).asText()).isEqualTo("ALL");
	}

	@ParameterizedTest
	@FieldSource("services")
	void setsEverySettingThatPointsAtAnotherServer(String name) {
		ServiceSettings settings = ServiceSettings.of(name);
		assertThat(environment(name)).containsAll(settings.connections());
	}

	@ParameterizedTest
	@FieldSource("services")
	void setsOnlySettingsTheServiceReads(String name) {
		assertThat(ServiceSettings.of(name).variables()).containsAll(environment(name));
	}

	@ParameterizedTest
	@FieldSource("services")
	void takesCredentialsFromTheEnvironmentNotFromTheFile(String name) {
		JsonNode environment = service(name).path("environment");
		environment.fieldNames().forEachRemaining((variable) -> {
			if (ServiceSettings.isSecret(variable)) {
				assertThat(environment.path(variable).asText()).as(variable).matches("\\$\\{[A-Z_]+:-[^}]*}");
			}
		});
	}

	@Test
	void servesOnlyTheGatewayOnTheHost() {
		compose.path("services").fields().forEachRemaining((entry) -> {
			if (!entry.getKey().equals("gateway")) {
				assertThat(entry.getValue().has("ports")).as("%s publishes no port", entry.getKey()).isFalse();
			}
		});
		assertThat(service("gateway").path("ports").get(0).asText()).isEqualTo("8080:8080");
	}

}
