package dev.deskflow.ops;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Which connections a set of NetworkPolicies lets through, worked out the way Kubernetes
 * does for the selectors the manifests use ({@code matchLabels}; a policy with
 * {@code matchExpressions} or {@code ipBlock} is refused rather than misread).
 */
final class NetworkFlows {

	/**
	 * A pod that may send or receive.
	 *
	 * @param name how flows name it
	 * @param namespace its namespace
	 * @param labels its labels
	 * @param ports what it listens on, as {@code 8080/TCP}
	 * @param governed whether the policies under test can select it (pods of other
	 * namespaces are governed by their own)
	 */
	record Pod(String name, String namespace, Map<String, String> labels, List<String> ports, boolean governed) {
	}

	private final List<NetworkPolicy> policies;

	NetworkFlows(List<NetworkPolicy> policies) {
		this.policies = policies;
	}

	/**
	 * @param pods every pod to consider
	 * @return each allowed connection as {@code from -> to:port/protocol}
	 */
	Set<String> allowed(List<Pod> pods) {
		Set<String> flows = new TreeSet<>();
		for (Pod from : pods) {
			for (Pod to : pods) {
				for (String port : to.ports()) {
					if (from != to && allowsEgress(from, to, port) && allowsIngress(from, to, port)) {
						flows.add(from.name() + " -> " + to.name() + ":" + port);
					}
				}
			}
		}
		return flows;
	}

	private boolean allowsIngress(Pod from, Pod to, String port) {
		List<NetworkPolicy> applying = applying(to, "Ingress");
		return applying.isEmpty() || applying.stream()
			.flatMap((policy) -> policy.getSpec().getIngress().stream())
			.anyMatch((rule) -> matchesPort(rule.getPorts(), port) && matchesPeer(rule.getFrom(), from, to));
	}

	private boolean allowsEgress(Pod from, Pod to, String port) {
		List<NetworkPolicy> applying = applying(from, "Egress");
		return applying.isEmpty() || applying.stream()
			.flatMap((policy) -> policy.getSpec().getEgress().stream())
			.anyMatch((rule) -> matchesPort(rule.getPorts(), port) && matchesPeer(rule.getTo(), to, from));
	}

	private List<NetworkPolicy> applying(Pod pod, String type) {
		if (!pod.governed()) {
			return List.of();
		}
		return this.policies.stream()
			.filter((policy) -> namespace(policy).equals(pod.namespace())
					&& matches(policy.getSpec().getPodSelector(), pod.labels())
					&& policy.getSpec().getPolicyTypes().contains(type))
			.toList();
	}

	private static String namespace(NetworkPolicy policy) {
		String namespace = policy.getMetadata().getNamespace();
		return (namespace != null) ? namespace : "default";
	}

	private static boolean matchesPort(List<NetworkPolicyPort> ports, String port) {
		return ports.isEmpty() || ports.stream()
			.anyMatch((candidate) -> (candidate.getPort().getIntVal() + "/" + candidate.getProtocol()).equals(port));
	}

	/** A peer selects pods of the policy's namespace unless it names namespaces. */
	private static boolean matchesPeer(List<NetworkPolicyPeer> peers, Pod peer, Pod self) {
		return peers.isEmpty() || peers.stream().anyMatch((candidate) -> {
			if (candidate.getIpBlock() != null) {
				throw new IllegalArgumentException("ipBlock peers are not evaluated here");
			}
			boolean namespace = (candidate.getNamespaceSelector() != null)
					? matches(candidate.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", peer.namespace()))
					: peer.namespace().equals(self.namespace());
			boolean pod = candidate.getPodSelector() == null || matches(candidate.getPodSelector(), peer.labels());
			return namespace && pod;
		});
	}

	private static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
			throw new IllegalArgumentException("matchExpressions are not evaluated here");
		}
		Map<String, String> wanted = (selector.getMatchLabels() != null) ? selector.getMatchLabels() : Map.of();
		return wanted.entrySet().stream().allMatch((entry) -> entry.getValue().equals(labels.get(entry.getKey())));
	}

}
