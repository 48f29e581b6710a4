package dev.deskflow.launcher;

import java.nio.file.Path;
import java.util.Map;

import dev.deskflow.launcher.LaunchSettings.Port;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchSettingsTest {

	private final Path root = Path.of("/srv/deskflow");

	@Test
	void usesTheDocumentedDefaultsThatAvoidSystemServerPorts() {
		LaunchSettings settings = LaunchSettings.from(this.root, (name) -> null);
		assertThat(settings.home()).isEqualTo(this.root.resolve(".deskflow"));
		assertThat(settings.port(Port.POSTGRES)).isEqualTo(15432).isNotEqualTo(5432);
		assertThat(settings.port(Port.KAFKA)).isEqualTo(19092).isNotEqualTo(9092);
		assertThat(settings.port(Port.REDIS)).isEqualTo(16379).isNotEqualTo(6379);
		assertThat(settings.port(Port.GATEWAY)).isEqualTo(8080);
		assertThat(settings.port(Port.TICKET)).isEqualTo(8081);
		assertThat(settings.port(Port.AI)).isEqualTo(8082);
		assertThat(settings.port(Port.REALTIME)).isEqualTo(8083);
	}

	@Test
	void takesEveryPortAndTheHomeFromTheEnvironment() {
		Map<String, String> environment = Map.of("DESKFLOW_GATEWAY_PORT", "18080", "DESKFLOW_HOME", "/tmp/df-home",
				"DESKFLOW_SERVICE_HEAP", "512m");
		LaunchSettings settings = LaunchSettings.from(this.root, environment::get);
		assertThat(settings.port(Port.GATEWAY)).isEqualTo(18080);
		assertThat(settings.home()).isEqualTo(Path.of("/tmp/df-home"));
		assertThat(settings.serviceHeap()).isEqualTo("512m");
	}

	@Test
	void rejectsAPortThatIsNotANumberNamingTheVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchSettings.from(this.root, Map.of("DESKFLOW_REDIS_PORT", "redis")::get))
			.withMessageContaining("DESKFLOW_REDIS_PORT=redis")
			.withMessageContaining("Redis");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchSettings.from(this.root, Map.of("DESKFLOW_AI_PORT", "70000")::get))
			.withMessageContaining("DESKFLOW_AI_PORT");
	}

	@Test
	void namesEachBusyPortAndTheSettingThatMovesIt() {
		LaunchSettings settings = LaunchSettings.from(this.root, (name) -> null);
		assertThat(settings.busyPorts((port) -> port != 8081 && port != 16379)).containsExactly(
				"port 16379 (Redis) is already in use: stop what uses it, or set DESKFLOW_REDIS_PORT to another port",
				"port 8081 (ticket-service) is already in use: stop what uses it, or set DESKFLOW_TICKET_PORT to another port");
	}

	@Test
	void startsNoPrometheusUnlessAskedAndThenOnItsPort() {
		assertThat(LaunchSettings.from(this.root, (name) -> null).prometheusPort()).isZero();
		LaunchSettings asked = LaunchSettings.from(this.root, Map.of("DESKFLOW_PROMETHEUS", "true")::get);
		assertThat(asked.prometheusPort()).isEqualTo(9090);
		assertThat(asked.scrapeInterval()).isEqualTo("15s");
		LaunchSettings moved = LaunchSettings.from(this.root, Map.of("DESKFLOW_PROMETHEUS", "true",
				"DESKFLOW_PROMETHEUS_PORT", "19090", "DESKFLOW_PROMETHEUS_SCRAPE_INTERVAL", "2s")::get);
		assertThat(moved.prometheusPort()).isEqualTo(19090);
		assertThat(moved.scrapeInterval()).isEqualTo("2s");
		assertThat(moved.busyPorts((port) -> port != 19090)).containsExactly(
				"port 19090 (Prometheus) is already in use: stop what uses it, or set DESKFLOW_PROMETHEUS_PORT to another port");
	}

	@Test
	void rejectsAScrapeIntervalPrometheusWouldNotRead() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchSettings.from(this.root,
					Map.of("DESKFLOW_PROMETHEUS", "true", "DESKFLOW_PROMETHEUS_SCRAPE_INTERVAL", "fast")::get))
			.withMessageContaining("DESKFLOW_PROMETHEUS_SCRAPE_INTERVAL=fast");
	}

	@Test
	void writesAPrometheusJobForEveryServiceOnThePlatformsPorts() {
		LaunchSettings settings = LaunchSettings.from(this.root, Map.of("DESKFLOW_TICKET_PORT", "18081",
				"DESKFLOW_GATEWAY_MANAGEMENT_PORT", "18090", "DESKFLOW_PROMETHEUS", "true")::get);
		String configuration = LocalPrometheus.configuration(settings, "5s");
		assertThat(configuration).contains("scrape_interval: 5s")
			.contains("\"/srv/deskflow/deploy/prometheus/alerts.yml\"")
			.contains("job_name: gateway", "127.0.0.1:18090", "job_name: ticket-service", "127.0.0.1:18081",
					"job_name: ai-service", "127.0.0.1:8082", "job_name: realtime-service", "127.0.0.1:8083");
	}

}
