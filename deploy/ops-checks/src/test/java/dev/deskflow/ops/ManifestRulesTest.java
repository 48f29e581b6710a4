package dev.deskflow.ops;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every rendering of {@code k8s/} (base and each overlay) must keep; one test
 * per rule.
 */
class ManifestRulesTest {

	static final List<String> renderings = Manifests.RENDERINGS;

	/** The custom resources the manifests may ask operators for. */
	private static final Set<String> OPERATOR_KINDS = Set.of("monitoring.coreos.com/v1 ServiceMonitor",
			"postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 Database", "postgresql.cnpg.io/v1 ScheduledBackup",
			"kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io/v1beta2 KafkaNodePool",
			"redis.redis.opstreelabs.in/v1beta2 Redis");

	private static final Map<String, Manifests> rendered = new ConcurrentHashMap<>();

	static Manifests manifests(String rendering) {
		return rendered.computeIfAbsent(rendering, Manifests::render);
	}

	private static List<Deployment> deployments(String rendering) {
		List<Deployment> deployments = manifests(rendering).all(Deployment.class);
		assertThat(deployments).extracting((deployment) -> deployment.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(Project.SERVICES);
		return deployments;
	}

	private static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void everyObjectParsesAsAKnownKubernetesKind(String rendering) {
		for (HasMetadata object : manifests(rendering).objects()) {
			if (object instanceof GenericKubernetesResource custom) {
				assertThat(OPERATOR_KINDS).contains(custom.getApiVersion() + " " + custom.getKind());
			}
			else {
				assertThat(Manifests.unknownFields(object)).as("fields %s does not know", object.getKind()).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void everyContainerRequestsCpuAndMemoryAndIsCappedInMemory(String rendering) {
		for (Deployment deployment : deployments(rendering)) {
			var resources = container(deployment).getResources();
			assertThat(resources.getRequests()).containsKeys("cpu", "memory");
			assertThat(resources.getLimits()).containsKey("memory");
			assertThat(resources.getLimits().get("memory").getNumericalAmount())
				.isGreaterThanOrEqualTo(resources.getRequests().get("memory").getNumericalAmount());
		}
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void everyContainerProbesTheActuatorGroupsOnTheActuatorPort(String rendering) {
		for (Deployment deployment : deployments(rendering)) {
			Container container = container(deployment);
			String service = deployment.getMetadata().getName();
			assertProbe(container, container.getStartupProbe(), "/actuator/health/liveness", service);
			assertProbe(container, container.getLivenessProbe(), "/actuator/health/liveness", service);
			assertProbe(container, container.getReadinessProbe(), "/actuator/health/readiness", service);
		}
	}

	private static void assertProbe(Container container, Probe probe, String path, String service) {
		assertThat(probe).as("%s probe on %s", service, path).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		String port = probe.getHttpGet().getPort().getStrVal();
		assertThat(container.getPorts()).filteredOn((candidate) -> candidate.getName().equals(port))
			.extracting(ContainerPort::getContainerPort)
			.containsExactly(ServicePorts.actuatorPort(service));
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void everyPodRunsAsNonRootOnAReadOnlyRootFileSystemWithoutCapabilities(String rendering) {
		for (Deployment deployment : deployments(rendering)) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
			assertThat(pod.getAutomountServiceAccountToken()).isFalse();
			var security = container(deployment).getSecurityContext();
			assertThat(security.getReadOnlyRootFilesystem()).isTrue();
			assertThat(security.getAllowPrivilegeEscalation()).isFalse();
			assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
			String tmpVolume = container(deployment).getVolumeMounts()
				.stream()
				.filter((mount) -> mount.getMountPath().equals("/tmp"))
				.findFirst()
				.orElseThrow()
				.getName();
			assertThat(pod.getVolumes()).filteredOn((volume) -> volume.getName().equals(tmpVolume))
				.singleElement()
				.satisfies((volume) -> assertThat(volume.getEmptyDir()).isNotNull());
		}
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void everyDeploymentHasADisruptionBudgetAndAnAutoscaler(String rendering) {
		Manifests manifests = manifests(rendering);
		for (Deployment deployment : deployments(rendering)) {
			String name = deployment.getMetadata().getName();
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class, name);
			assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
			HorizontalPodAutoscaler autoscaler = manifests.one(HorizontalPodAutoscaler.class, name);
			assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
			assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
			int min = autoscaler.getSpec().getMinReplicas();
			assertThat(min).as("%s keeps two pods so that the budget lets a node drain", name)
				.isGreaterThanOrEqualTo(2);
			assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(min);
			assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isBetween(1, min - 1);
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
				.as("rolling updates keep every pod until its successor is ready")
				.isZero();
		}
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void credentialsComeOnlyFromSecretReferences(String rendering) {
		Manifests manifests = manifests(rendering);
		assertThat(manifests.trees()).noneMatch((tree) -> tree.path("kind").asText().equals("Secret"));
		for (ConfigMap config : manifests.all(ConfigMap.class)) {
			assertThat(config.getData().keySet()).noneMatch(ServiceSettings::isSecret);
		}
		for (Deployment deployment : deployments(rendering)) {
			for (EnvVar variable : container(deployment).getEnv()) {
				assertThat(variable.getValue()).as("%s has no literal value", variable.getName()).isNull();
				// a Secret, or the pod's own fields (downward API), such as its name
				assertThat(variable.getValueFrom().getSecretKeyRef() != null
						|| variable.getValueFrom().getFieldRef() != null)
					.as("%s comes from a Secret or the pod's fields", variable.getName())
					.isTrue();
			}
		}
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void everyImageIsPinnedByTag(String rendering) {
		Set<String> images = new HashSet<>();
		manifests(rendering).trees().forEach((tree) -> collectImages(tree, images));
		assertThat(images).hasSizeGreaterThanOrEqualTo(Project.SERVICES.size() + 2).allMatch(Images::isPinned);
	}

	private static void collectImages(JsonNode node, Set<String> images) {
		node.fields().forEachRemaining((field) -> {
			if ((field.getKey().equals("image") || field.getKey().equals("imageName"))
					&& field.getValue().isTextual()) {
				images.add(field.getValue().asText());
			}
		});
		node.elements().forEachRemaining((child) -> collectImages(child, images));
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void everyServiceGetsTheConnectionSettingsItReadsAndNoOthers(String rendering) {
		Manifests manifests = manifests(rendering);
		for (Deployment deployment : deployments(rendering)) {
			String service = deployment.getMetadata().getName();
			Set<String> variables = new HashSet<>();
			container(deployment).getEnv().forEach((variable) -> variables.add(variable.getName()));
			container(deployment).getEnvFrom()
				.forEach((source) -> variables
					.addAll(manifests.one(ConfigMap.class, source.getConfigMapRef().getName()).getData().keySet()));
			ServiceSettings settings = ServiceSettings.of(service);
			assertThat(settings.variables()).as("settings %s reads", service).containsAll(variables);
			assertThat(variables).as("settings %s must be given", service).containsAll(settings.connections());
		}
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void theServicesFindTheServersTheOperatorsRun(String rendering) {
		Manifests manifests = manifests(rendering);
		String postgres = manifests.custom("Cluster").get(0).getMetadata().getName();
		String kafka = manifests.custom("Kafka").get(0).getMetadata().getName();
		String redis = manifests.custom("Redis").get(0).getMetadata().getName();
		for (ConfigMap config : manifests.all(ConfigMap.class)) {
			config.getData().forEach((key, value) -> {
				if (key.endsWith("_DB_URL") || key.endsWith("_DB_JDBC_URL")) {
					assertThat(value).contains("//" + postgres + "-rw:5432/");
				}
				if (key.equals("DESKFLOW_KAFKA_BOOTSTRAP_SERVERS")) {
					assertThat(value).isEqualTo(kafka + "-kafka-bootstrap:9092");
				}
				if (key.equals("DESKFLOW_REDIS_HOST")) {
					assertThat(value).isEqualTo(redis);
				}
			});
		}
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void prometheusScrapesEveryServiceOnItsActuatorPort(String rendering) {
		Manifests manifests = manifests(rendering);
		for (String name : Project.SERVICES) {
			Service service = manifests.one(Service.class, name);
			GenericKubernetesResource monitor = manifests.custom("ServiceMonitor")
				.stream()
				.filter((candidate) -> candidate.getMetadata().getName().equals(name))
				.findFirst()
				.orElseThrow();
			Map<String, Object> spec = monitor.get("spec");
			Map<?, ?> selector = (Map<?, ?>) ((Map<?, ?>) spec.get("selector")).get("matchLabels");
			assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(stringMap(selector));
			Map<?, ?> endpoint = (Map<?, ?>) ((List<?>) spec.get("endpoints")).get(0);
			assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
			assertThat(service.getSpec().getPorts()).filteredOn((port) -> port.getName().equals(endpoint.get("port")))
				.singleElement()
				.satisfies((port) -> assertThat(port.getPort()).isEqualTo(ServicePorts.actuatorPort(name)));
		}
	}

	private static Map<String, String> stringMap(Map<?, ?> map) {
		Map<String, String> strings = new java.util.HashMap<>();
		map.forEach((key, value) -> strings.put(key.toString(), value.toString()));
		return strings;
	}

}
