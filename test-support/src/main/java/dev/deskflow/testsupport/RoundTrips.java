package dev.deskflow.testsupport;

import java.time.Duration;
import java.util.UUID;

import reactor.test.StepVerifier;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that a service's own clients reach the real servers: a value written is read
 * back.
 */
public final class RoundTrips {

	private RoundTrips() {
	}

	/**
	 * Writes a key under the service's prefix with the service's template and reads it
	 * back.
	 * @param redis the service's template
	 * @param keyPrefix the service's key prefix
	 */
	public static void assertRedisRoundTrip(ReactiveStringRedisTemplate redis, String keyPrefix) {
		String key = keyPrefix + "probe:" + UUID.randomUUID();
		redis.opsForValue()
			.set(key, "value", Duration.ofMinutes(1))
			.then(redis.opsForValue().get(key))
			.as(StepVerifier::create)
			.expectNext("value")
			.verifyComplete();
	}

	/**
	 * Publishes a record to a fresh topic with the service's template and reads it back
	 * with a consumer of its own.
	 * @param kafka the service's template
	 * @param bootstrapServers the cluster the service is configured with
	 */
	public static void assertKafkaRoundTrip(KafkaTemplate<String, String> kafka, String bootstrapServers) {
		String topic = "probe-" + UUID.randomUUID();
		kafka.send(topic, "ticket-1", "{\"hello\":\"kafka\"}").join();
		assertThat(KafkaRecords.awaitRecords(bootstrapServers, topic, 1, Duration.ofSeconds(30))).singleElement()
			.satisfies((record) -> {
				assertThat(record.key()).isEqualTo("ticket-1");
				assertThat(record.value()).isEqualTo("{\"hello\":\"kafka\"}");
			});
	}

}
