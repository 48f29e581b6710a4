package dev.deskflow.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka 4 broker in KRaft mode (one node that is both broker and controller),
 * started inside this JVM the way {@code kafka-server-start.sh} starts it: the log
 * directory is formatted once with the storage tool, then a {@link KafkaRaftServer} runs.
 */
public final class LocalKafka implements AutoCloseable {

	private final KafkaRaftServer server;

	private final int port;

	private LocalKafka(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Formats (first time only) and starts a broker.
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @param logDirectory where the logs live; kept between starts
	 * @return the running broker
	 */
	public static LocalKafka start(int port, int controllerPort, Path logDirectory) {
		quietLogs();
		try {
			Files.createDirectories(logDirectory);
			Properties config = config(port, controllerPort, logDirectory);
			Path configFile = logDirectory.resolveSibling(logDirectory.getFileName() + ".properties");
			try (OutputStream out = Files.newOutputStream(configFile)) {
				config.store(out, "Deskflow local Kafka (written at every start)");
			}
			if (!Files.exists(logDirectory.resolve("meta.properties"))) {
				format(configFile);
			}
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
			server.startup();
			return new LocalKafka(server, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Kafka did not start in " + logDirectory, ex);
		}
	}

	/**
	 * The broker runs inside the JVM of a test or of the launcher, often before Spring
	 * Boot applies {@code logging.level.*}; its INFO chatter (configuration dumps of
	 * every internal client) is noise there.
	 */
	private static void quietLogs() {
		for (String name : new String[] { "kafka", "org.apache.kafka", "state.change.logger" }) {
			if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
				logger.setLevel(ch.qos.logback.classic.Level.WARN);
			}
		}
	}

	private static void format(Path configFile) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		String[] args = { "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString() };
		int exit = StorageTool$.MODULE$.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
		if (exit != 0) {
			throw new IllegalStateException(
					"Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

	private static Properties config(int port, int controllerPort, Path logDirectory) {
		Properties config = new Properties();
		config.setProperty("process.roles", "broker,controller");
		config.setProperty("node.id", "1");
		config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		config.setProperty("controller.listener.names", "CONTROLLER");
		config.setProperty("inter.broker.listener.name", "PLAINTEXT");
		config.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
		config.setProperty("log.dirs", logDirectory.toAbsolutePath().toString());
		config.setProperty("num.partitions", "3");
		config.setProperty("auto.create.topics.enable", "true");
		config.setProperty("offsets.topic.replication.factor", "1");
		config.setProperty("offsets.topic.num.partitions", "5");
		config.setProperty("transaction.state.log.replication.factor", "1");
		config.setProperty("transaction.state.log.min.isr", "1");
		config.setProperty("share.coordinator.state.topic.replication.factor", "1");
		config.setProperty("share.coordinator.state.topic.min.isr", "1");
		config.setProperty("group.initial.rebalance.delay.ms", "0");
		config.setProperty("log.retention.hours", "168");
		return config;
	}

	/**
	 * @return the bootstrap servers clients connect to
	 */
	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
