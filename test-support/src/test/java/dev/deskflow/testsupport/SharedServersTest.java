package dev.deskflow.testsupport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SharedServersTest {

	@Test
	void postgresStoresAndReturnsARowInAPerServiceDatabase() throws Exception {
		LocalPostgres postgres = SharedServers.postgres();
		postgres.createDatabaseIfMissing("deskflow_probe");
		postgres.createDatabaseIfMissing("deskflow_probe");
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("deskflow_probe"), LocalPostgres.USER,
				""); Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists probe (id uuid primary key, note text)");
			UUID id = UUID.randomUUID();
			statement.execute("insert into probe values ('" + id + "', 'hello')");
			try (ResultSet rows = statement.executeQuery(
					"select note, current_setting('server_version_num')::int from probe where id = '" + id + "'")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("hello");
				assertThat(rows.getInt(2)).as("PostgreSQL 17").isBetween(170000, 179999);
			}
		}
	}

	@Test
	void kafkaDeliversAProducedRecordToAConsumer() throws Exception {
		String topic = "probe-" + UUID.randomUUID();
		String bootstrap = SharedServers.kafka().bootstrapServers();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "key-1", "value-1")).get();
		}
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				return !received.isEmpty();
			});
		}
		assertThat(received).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("key-1");
			assertThat(record.value()).isEqualTo("value-1");
		});
	}

	@Test
	void redisStoresAndReturnsAKey() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", SharedServers.redis().port())) {
			OutputStream out = socket.getOutputStream();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			out.write("*3\r\n$3\r\nSET\r\n$5\r\nprobe\r\n$5\r\nvalue\r\n".getBytes(StandardCharsets.UTF_8));
			assertThat(in.readLine()).isEqualTo("+OK");
			out.write("*2\r\n$3\r\nGET\r\n$5\r\nprobe\r\n".getBytes(StandardCharsets.UTF_8));
			assertThat(in.readLine()).isEqualTo("$5");
			assertThat(in.readLine()).isEqualTo("value");
		}
	}

	@Test
	void sharedServersAreStartedOncePerJvm() {
		assertThat(SharedServers.postgres()).isSameAs(SharedServers.postgres());
		assertThat(SharedServers.kafka()).isSameAs(SharedServers.kafka());
		assertThat(SharedServers.redis()).isSameAs(SharedServers.redis());
	}

}
