package dev.deskflow.support.health;

import java.time.Duration;

import dev.deskflow.testsupport.Ports;
import dev.deskflow.testsupport.SharedServers;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTest {

	@Test
	void reportsUpWithTheClusterIdWhenTheBrokerAnswers() {
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(SharedServers.kafka().bootstrapServers(),
				Duration.ofSeconds(10));
		try {
			indicator.health().as(StepVerifier::create).assertNext((health) -> {
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
			}).verifyComplete();
		}
		finally {
			indicator.destroy();
		}
	}

	@Test
	void reportsDownWhenNothingListens() {
		KafkaHealthIndicator indicator = new KafkaHealthIndicator("127.0.0.1:" + Ports.freePort(),
				Duration.ofMillis(500));
		try {
			indicator.health()
				.as(StepVerifier::create)
				.assertNext((health) -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
				.verifyComplete();
		}
		finally {
			indicator.destroy();
		}
	}

}
