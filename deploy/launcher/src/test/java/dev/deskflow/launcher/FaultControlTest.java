package dev.deskflow.launcher;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault-control commands and the supervisor's restart backoff; stopping and starting
 * the real Kafka and Redis is proven by the system tests' {@code FaultsTest}.
 */
class FaultControlTest {

	private final Platform platform = new Platform(LaunchSettings.from(Path.of("."), (name) -> null));

	@Test
	void refusesAnythingButStoppingAndStartingKafkaAndRedis() throws Exception {
		try (ServerSocket socket = new ServerSocket()) {
			FaultControl control = new FaultControl(socket, this.platform);
			assertThat(control.execute("stop postgres"))
				.isEqualTo("error: only kafka and redis can be stopped and started, not postgres");
			assertThat(control.execute("stop kafka")).isEqualTo("error: kafka is not running");
			assertThat(control.execute("start redis")).isEqualTo("error: redis was never started by this platform");
			assertThat(control.execute("reboot kafka")).isEqualTo("error: unknown verb 'reboot'");
			assertThat(control.execute("")).startsWith("error: expected");
		}
	}

	@Test
	void aServiceThatKeepsCrashingWaitsLongerEachTimeUpToALimit() {
		assertThat(Platform.restartDelay(0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Platform.restartDelay(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(Platform.restartDelay(4)).isEqualTo(Duration.ofSeconds(16));
		assertThat(Platform.restartDelay(5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(Platform.restartDelay(1000)).isEqualTo(Platform.MAX_RESTART_DELAY);
	}

}
