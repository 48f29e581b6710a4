package dev.deskflow.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCpuTest {

	@Test
	void groupsThreadsByTheirNameWithoutNumbers() {
		assertThat(ThreadCpu.group("reactor-http-epoll-2")).isEqualTo("reactor-http-epoll");
		assertThat(ThreadCpu.group("data-plane-kafka-request-handler-7")).isEqualTo("data-plane-kafka-request-handler");
		assertThat(ThreadCpu.group("pool-3-thread-12")).isEqualTo("pool-thread");
		assertThat(ThreadCpu.group("main")).isEqualTo("main");
		assertThat(ThreadCpu.group("42")).isEqualTo("42");
	}

	@Test
	void countsTheCpuOfThreadsThatSpinInTheirGroup() throws InterruptedException {
		ThreadCpu before = ThreadCpu.now();
		AtomicBoolean spinning = new AtomicBoolean(true);
		Thread[] spinners = new Thread[2];
		for (int i = 0; i < spinners.length; i++) {
			spinners[i] = new Thread(() -> {
				while (spinning.get()) {
					Thread.onSpinWait();
				}
			}, "spinner-" + i);
			spinners[i].start();
		}
		try {
			// the spinners are alive at every reading, so their CPU counts
			Awaitility.await()
				.atMost(Duration.ofMinutes(1))
				.until(() -> ThreadCpu.now().since(before).getOrDefault("spinner", 0L) > 50_000_000L);
			Map<String, Long> groups = ThreadCpu.now().since(before);
			assertThat(groups.get("spinner")).isGreaterThan(50_000_000L);
			assertThat(groups.keySet()).doesNotContain("spinner-0", "spinner-1");
			assertThat(groups.values()).allSatisfy((nanos) -> assertThat(nanos).isPositive());
			assertThat(new ArrayList<>(groups.values())).isSortedAccordingTo(Comparator.reverseOrder());
		}
		finally {
			spinning.set(false);
			for (Thread spinner : spinners) {
				spinner.join();
			}
		}
	}

}
