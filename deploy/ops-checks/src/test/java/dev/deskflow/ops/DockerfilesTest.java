package dev.deskflow.ops;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's Dockerfile, checked as text (no Docker engine is needed): layered,
 * non-root, health-checked, pinned base image.
 */
class DockerfilesTest {

	static final List<String> services = Project.SERVICES;

	private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

	private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");

	private static final Pattern HEALTHCHECK = Pattern
		.compile("(?m)^HEALTHCHECK .*\\\\\\n\\s*CMD \\[\"healthcheck\", \"(\\d+)\", \"([^\"]+)\"]");

	private static String dockerfile(String service) {
		return Project.read(Project.file("deploy/docker/" + service + ".Dockerfile"));
	}

	@ParameterizedTest
	@FieldSource("services")
	void copiesTheLayersOfTheExtractedBootJarInOrderOfChange(String service) {
		String file = dockerfile(service);
		assertThat(file).contains("COPY " + service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar application.jar")
			.contains("java -Djarmode=tools -jar application.jar extract --layers --launcher");
		List<String> layers = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		int previous = -1;
		for (String layer : layers) {
			int at = file.indexOf("COPY --from=layers /extract/layers/" + layer + "/ ./");
			assertThat(at).as("%s copies the %s layer after the layers that change less", service, layer)
				.isGreaterThan(previous);
			previous = at;
		}
		assertThat(file).contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
	}

	@ParameterizedTest
	@FieldSource("services")
	void runsAsANumericNonRootUserSoKubernetesCanVerifyIt(String service) {
		Matcher user = USER.matcher(dockerfile(service));
		assertThat(user.find()).as("%s has a USER", service).isTrue();
		String uid = user.group(1).split(":")[0];
		assertThat(uid).matches("\\d+");
		assertThat(Integer.parseInt(uid)).isPositive();
		assertThat(user.find()).as("one USER only").isFalse();
	}

	@ParameterizedTest
	@FieldSource("services")
	void checksItsOwnReadinessOnTheActuatorPort(String service) {
		String file = dockerfile(service);
		Matcher check = HEALTHCHECK.matcher(file);
		assertThat(check.find()).as("%s has a HEALTHCHECK", service).isTrue();
		String actuatorPort = Integer.toString(ServicePorts.actuatorPort(service));
		assertThat(check.group(1)).isEqualTo(actuatorPort);
		assertThat(check.group(2)).isEqualTo("/actuator/health/readiness");
		assertThat(file).contains("EXPOSE " + ServicePorts.port(service));
		assertThat(Project.file("deploy/docker/healthcheck.sh")).isRegularFile().isExecutable();
	}

	@ParameterizedTest
	@FieldSource("services")
	void buildsOnAPinnedJreAndWritesOnlyToTmp(String service) {
		String file = dockerfile(service);
		Matcher from = FROM.matcher(file);
		while (from.find()) {
			assertThat(Images.isPinned(from.group(1))).as("base image %s is pinned", from.group(1)).isTrue();
			assertThat(from.group(1)).contains("-jre");
		}
		assertThat(file).contains("-Djava.io.tmpdir=/tmp").doesNotContain("VOLUME");
	}

}
