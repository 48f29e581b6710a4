package dev.deskflow.ops;

import java.math.BigDecimal;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What sets the two overlays apart: each installs into its own namespace; a dedicated
 * tenant's namespace is capped by a quota that still fits its services at full scale.
 */
class OverlaysTest {

	@ParameterizedTest
	@CsvSource({ "overlays/shared, deskflow", "overlays/dedicated-tenant, deskflow-tenant-acme" })
	void installsEverythingIntoItsOwnNamespace(String overlay, String namespace) {
		Manifests manifests = ManifestRulesTest.manifests(overlay);
		assertThat(manifests.one(Namespace.class, namespace)).isNotNull();
		for (HasMetadata object : manifests.objects()) {
			if (!(object instanceof Namespace)) {
				assertThat(object.getMetadata().getNamespace())
					.as("%s %s", object.getKind(), object.getMetadata().getName())
					.isEqualTo(namespace);
			}
		}
	}

	@Test
	void capsTheDedicatedTenantWithAQuotaItsServicesFitAtFullScale() {
		Manifests manifests = ManifestRulesTest.manifests("overlays/dedicated-tenant");
		Map<String, Quantity> hard = manifests.one(ResourceQuota.class, "deskflow-tenant").getSpec().getHard();
		BigDecimal cpu = BigDecimal.ZERO;
		BigDecimal memory = BigDecimal.ZERO;
		BigDecimal memoryLimit = BigDecimal.ZERO;
		for (Deployment deployment : manifests.all(Deployment.class)) {
			int pods = manifests.one(HorizontalPodAutoscaler.class, deployment.getMetadata().getName())
				.getSpec()
				.getMaxReplicas() + deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
			var resources = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
			BigDecimal scale = BigDecimal.valueOf(pods);
			cpu = cpu.add(resources.getRequests().get("cpu").getNumericalAmount().multiply(scale));
			memory = memory.add(resources.getRequests().get("memory").getNumericalAmount().multiply(scale));
			memoryLimit = memoryLimit.add(resources.getLimits().get("memory").getNumericalAmount().multiply(scale));
		}
		assertThat(hard.get("requests.cpu").getNumericalAmount()).isGreaterThan(cpu);
		assertThat(hard.get("requests.memory").getNumericalAmount()).isGreaterThan(memory);
		assertThat(hard.get("limits.memory").getNumericalAmount()).isGreaterThan(memoryLimit);
		assertThat(hard.get("services.loadbalancers")).isEqualTo(new Quantity("0"));
		LimitRange limits = manifests.one(LimitRange.class, "deskflow-tenant");
		assertThat(limits.getSpec().getLimits().get(0).getDefaultRequest()).containsKeys("cpu", "memory");
	}

	@Test
	void leavesTheSharedInstallWithoutQuotasAndScalesItWider() {
		Manifests shared = ManifestRulesTest.manifests("overlays/shared");
		Manifests base = ManifestRulesTest.manifests("base");
		assertThat(shared.all(ResourceQuota.class)).isEmpty();
		assertThat(shared.one(HorizontalPodAutoscaler.class, "gateway").getSpec().getMaxReplicas())
			.isGreaterThan(base.one(HorizontalPodAutoscaler.class, "gateway").getSpec().getMaxReplicas());
	}

}
