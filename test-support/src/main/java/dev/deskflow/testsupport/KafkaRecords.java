package dev.deskflow.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads back what a service wrote to Kafka, with a consumer group of its own.
 */
public final class KafkaRecords {

	private KafkaRecords() {
	}

	/**
	 * Waits until a topic holds at least {@code count} records and returns them.
	 * @param bootstrapServers the cluster
	 * @param topic the topic, read from its beginning
	 * @param count how many records to wait for
	 * @param timeout how long to wait
	 * @return the records read, in partition order
	 */
	public static List<ConsumerRecord<String, String>> awaitRecords(String bootstrapServers, String topic, int count,
			Duration timeout) {
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(timeout).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				return received.size() >= count;
			});
		}
		return received;
	}

	/**
	 * Reads a topic from its beginning until {@code count} records match, and returns the
	 * matching ones in the order they were read (per partition, the order they were
	 * written). For topics that other tests write to as well.
	 * @param bootstrapServers the cluster
	 * @param topic the topic
	 * @param matching which records count
	 * @param count how many matching records to wait for
	 * @param timeout how long to wait
	 * @return the matching records
	 */
	public static List<ConsumerRecord<String, String>> awaitMatching(String bootstrapServers, String topic,
			java.util.function.Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout) {
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(timeout).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (matching.test(record)) {
						received.add(record);
					}
				});
				return received.size() >= count;
			});
		}
		return received;
	}

}
