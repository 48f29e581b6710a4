package dev.deskflow.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.deskflow.ops.NetworkFlows.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies of each rendering allow exactly the designed flows (DESIGN.md,
 * decision 004) between the services, the operators' servers, the ingress controller,
 * Prometheus and cluster DNS, and nothing to or from any other pod.
 */
class NetworkPolicyTest {

	static final List<String> renderings = Manifests.RENDERINGS;

	private static final List<String> DESIGNED = List.of(
			// the public entry, and the metrics scrape of every service
			"ingress-controller -> gateway:8080/TCP", "prometheus -> gateway:8090/TCP",
			"prometheus -> ticket-service:8081/TCP", "prometheus -> ai-service:8082/TCP",
			"prometheus -> realtime-service:8083/TCP",
			// the gateway routes to every service and keeps rate limits in Redis
			"gateway -> ticket-service:8081/TCP", "gateway -> ai-service:8082/TCP",
			"gateway -> realtime-service:8083/TCP", "gateway -> redis:6379/TCP",
			// ticket-service's JWKS for the services that validate tokens again
			"ai-service -> ticket-service:8081/TCP", "realtime-service -> ticket-service:8081/TCP",
			"ticket-service -> postgres:5432/TCP", "ticket-service -> kafka:9092/TCP",
			"ticket-service -> redis:6379/TCP", "ai-service -> postgres:5432/TCP", "ai-service -> kafka:9092/TCP",
			"ai-service -> redis:6379/TCP", "realtime-service -> kafka:9092/TCP", "realtime-service -> redis:6379/TCP");

	private static List<Pod> pods(Manifests manifests) {
		List<Pod> pods = new ArrayList<>();
		String namespace = "default";
		for (Deployment deployment : manifests.all(Deployment.class)) {
			namespace = (deployment.getMetadata().getNamespace() != null) ? deployment.getMetadata().getNamespace()
					: namespace;
			List<String> ports = deployment.getSpec()
				.getTemplate()
				.getSpec()
				.getContainers()
				.get(0)
				.getPorts()
				.stream()
				.map((port) -> port.getContainerPort() + "/TCP")
				.toList();
			pods.add(new Pod(deployment.getMetadata().getName(), namespace,
					deployment.getSpec().getTemplate().getMetadata().getLabels(), ports, true));
		}
		// the operators' pods, by the labels CloudNativePG, Strimzi and the
		// redis-operator set
		String postgres = manifests.custom("Cluster").get(0).getMetadata().getName();
		String kafka = manifests.custom("Kafka").get(0).getMetadata().getName();
		String redis = manifests.custom("Redis").get(0).getMetadata().getName();
		pods.add(new Pod("postgres", namespace, Map.of("cnpg.io/cluster", postgres), List.of("5432/TCP"), false));
		pods.add(new Pod("kafka", namespace, Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka"),
				List.of("9092/TCP"), false));
		pods.add(new Pod("redis", namespace, Map.of("app", redis), List.of("6379/TCP"), false));
		pods.add(new Pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"),
				List.of("443/TCP"), false));
		pods.add(new Pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"),
				List.of("9090/TCP"), false));
		pods.add(new Pod("dns", "kube-system", Map.of("k8s-app", "kube-dns"), List.of("53/UDP", "53/TCP"), false));
		// anything else: another pod in the same namespace, and a pod of another
		// namespace
		pods.add(new Pod("neighbour", namespace, Map.of("app", "neighbour"), List.of("8000/TCP"), false));
		pods.add(new Pod("stranger", "elsewhere", Map.of("app.kubernetes.io/name", "gateway"), List.of("8000/TCP"),
				false));
		return pods;
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void allowExactlyTheDesignedFlows(String rendering) {
		Manifests manifests = ManifestRulesTest.manifests(rendering);
		NetworkFlows flows = new NetworkFlows(manifests.all(NetworkPolicy.class));
		Set<String> expected = new TreeSet<>(DESIGNED);
		for (String service : Project.SERVICES) {
			expected.add(service + " -> dns:53/UDP");
			expected.add(service + " -> dns:53/TCP");
		}
		Set<String> allowed = flows.allowed(pods(manifests));
		// the servers, controller and Prometheus are not ours to restrict: flows among
		// them
		// (and from them to the unrelated pods) are left out of the comparison
		allowed.removeIf((flow) -> !touchesDeskflow(flow));
		assertThat(allowed).containsExactlyElementsOf(expected);
	}

	private static boolean touchesDeskflow(String flow) {
		return Project.SERVICES.stream()
			.anyMatch((service) -> flow.startsWith(service + " ") || flow.contains("> " + service + ":"));
	}

	@ParameterizedTest
	@FieldSource("renderings")
	void denyEverythingElseToAndFromDeskflowPodsByDefault(String rendering) {
		NetworkPolicy deny = ManifestRulesTest.manifests(rendering).one(NetworkPolicy.class, "deskflow-default-deny");
		assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(deny.getSpec().getIngress()).isEmpty();
		assertThat(deny.getSpec().getEgress()).isEmpty();
		for (Deployment deployment : ManifestRulesTest.manifests(rendering).all(Deployment.class)) {
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
				.containsAllEntriesOf(deny.getSpec().getPodSelector().getMatchLabels());
		}
	}

}
