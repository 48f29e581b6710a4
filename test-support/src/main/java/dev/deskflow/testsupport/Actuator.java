package dev.deskflow.testsupport;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a service's Actuator readiness group the way Kubernetes and the launcher read
 * it.
 */
public final class Actuator {

	private Actuator() {
	}

	/**
	 * Asserts that readiness answers 200 UP and that each named dependency is in the
	 * group and UP.
	 * @param client a client bound to the service
	 * @param components the health components the group must contain
	 */
	public static void assertReady(WebTestClient client, String... components) {
		WebTestClient.BodyContentSpec body = client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		for (String component : components) {
			body.jsonPath("$.components." + component + ".status").isEqualTo("UP");
		}
	}

	/**
	 * Asserts that readiness answers 503 DOWN with the named dependency DOWN, and no
	 * stack trace in the body.
	 * @param client a client bound to the service
	 * @param component the component that is down
	 */
	public static void assertNotReadyBecauseOf(WebTestClient client, String component) {
		client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components." + component + ".status")
			.isEqualTo("DOWN")
			.jsonPath("$..stackTrace")
			.doesNotExist()
			.jsonPath("$..exception")
			.doesNotExist();
	}

	/**
	 * Asserts that liveness is UP and that Prometheus can scrape the service's metrics,
	 * tagged with its application name.
	 * @param client a client bound to the service's management port
	 * @param application the {@code spring.application.name}
	 */
	public static void assertLiveWithPrometheusMetrics(WebTestClient client, String application) {
		client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		// request-time histograms make the page larger than the client's default buffer
		client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 << 20))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes")
				.contains("application=\"" + application + "\""));
	}

}
