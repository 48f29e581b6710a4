package dev.deskflow.testsupport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local platform keeps its data in one folder across restarts: each server started on
 * a data folder finds what it stored before it was stopped.
 */
class DataFolderTest {

	@TempDir
	Path data;

	@Test
	void postgresKeepsRowsAcrossARestart() throws Exception {
		Path folder = this.data.resolve("postgres");
		int port = Ports.freePort();
		try (LocalPostgres postgres = LocalPostgres.start(port, folder)) {
			postgres.createDatabaseIfMissing("deskflow_keep");
			execute(postgres, "create table kept (note text)", "insert into kept values ('before restart')");
		}
		try (LocalPostgres postgres = LocalPostgres.start(port, folder);
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl("deskflow_keep"),
						LocalPostgres.USER, "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select note from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("before restart");
		}
	}

	@Test
	void kafkaKeepsRecordsAcrossARestart() throws Exception {
		Path folder = this.data.resolve("kafka");
		int port = Ports.freePort();
		int controllerPort = Ports.freePort();
		try (LocalKafka kafka = LocalKafka.start(port, controllerPort, folder);
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
						new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("kept", "key", "before restart")).get();
		}
		try (LocalKafka kafka = LocalKafka.start(port, controllerPort, folder)) {
			assertThat(KafkaRecords.awaitRecords(kafka.bootstrapServers(), "kept", 1, Duration.ofSeconds(60)))
				.singleElement()
				.satisfies((record) -> assertThat(record.value()).isEqualTo("before restart"));
		}
	}

	@Test
	void redisKeepsKeysAcrossARestart() throws Exception {
		Path folder = this.data.resolve("redis");
		int port = Ports.freePort();
		try (LocalRedis redis = LocalRedis.start(port, folder)) {
			assertThat(command(port, "SET", "kept", "before-restart")).isEqualTo("+OK");
		}
		try (LocalRedis redis = LocalRedis.start(port, folder)) {
			assertThat(command(port, "GET", "kept")).isEqualTo("before-restart");
		}
	}

	private static void execute(LocalPostgres postgres, String... sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("deskflow_keep"), LocalPostgres.USER,
				""); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	/**
	 * Sends one RESP command and returns the simple reply, or the bulk string's value.
	 */
	private static String command(int port, String... words) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
			for (String word : words) {
				request.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String reply = in.readLine();
			return reply.startsWith("$") ? in.readLine() : reply;
		}
	}

}
