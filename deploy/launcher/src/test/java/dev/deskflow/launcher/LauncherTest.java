package dev.deskflow.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.deskflow.testsupport.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

	@TempDir
	Path home;

	private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

	private PrintStream originalErr;

	@BeforeEach
	void captureErrors() {
		this.originalErr = System.err;
		System.setErr(new PrintStream(this.errors, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreErrors() {
		System.setErr(this.originalErr);
	}

	@Test
	void refusesToStartWhenAPortIsTakenNamingThePortAndItsSetting() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			LaunchSettings settings = settingsWith("DESKFLOW_TICKET_PORT", Integer.toString(taken.getLocalPort()));

			assertThat(Launcher.up(settings)).isEqualTo(1);

			assertThat(stderr()).contains("port " + taken.getLocalPort() + " (ticket-service) is already in use")
				.contains("DESKFLOW_TICKET_PORT");
			assertThat(Files.exists(this.home.resolve("data"))).as("nothing was started").isFalse();
			assertThat(SingleInstanceLock.tryAcquire(this.home.resolve("launcher.lock"))).as("the lock was released")
				.hasValueSatisfying(this::release);
		}
	}

	@Test
	void refusesASecondLaunchFromTheSameFolder() throws Exception {
		Optional<SingleInstanceLock> first = SingleInstanceLock.tryAcquire(this.home.resolve("launcher.lock"));
		assertThat(first).isPresent();
		try {
			assertThat(Launcher.up(settingsWith("DESKFLOW_GATEWAY_PORT", Integer.toString(Ports.freePort()))))
				.isEqualTo(1);
			assertThat(stderr()).contains("already running from " + this.home)
				.contains("launcher pid " + ProcessHandle.current().pid());
		}
		finally {
			release(first.get());
		}
	}

	private LaunchSettings settingsWith(String variable, String value) {
		return LaunchSettings.from(Path.of("."),
				Map.of("DESKFLOW_HOME", this.home.toString(), variable, value, "DESKFLOW_POSTGRES_PORT",
						Integer.toString(Ports.freePort()), "DESKFLOW_KAFKA_PORT", Integer.toString(Ports.freePort()),
						"DESKFLOW_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.freePort()), "DESKFLOW_REDIS_PORT",
						Integer.toString(Ports.freePort()))::get);
	}

	private String stderr() {
		return this.errors.toString(StandardCharsets.UTF_8);
	}

	private void release(SingleInstanceLock lock) {
		try {
			lock.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
