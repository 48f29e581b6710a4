package dev.deskflow.ticket.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.testsupport.LocalKafka;
import dev.deskflow.testsupport.Ports;
import dev.deskflow.testsupport.RealServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker outage delays events and never loses them: this class has a broker of its own
 * (and a database of its own, so no other test's relay publishes its rows), stops it,
 * writes, and starts it again.
 */
@SpringBootTest(properties = { "deskflow.ticket.outbox.max-backoff=1s", "deskflow.ticket.outbox.poll-interval=500ms" })
@RealServers(database = "deskflow_ticket_outage", redis = true)
class OutboxBrokerOutageTest {

	static final int PORT = Ports.freePort();

	static final int CONTROLLER_PORT = Ports.freePort();

	static final Path DATA = temporaryFolder();

	static LocalKafka broker = LocalKafka.start(PORT, CONTROLLER_PORT, DATA);

	private final EventJson json = new EventJson();

	@Autowired
	OutboxWriter outbox;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	DatabaseClient database;

	@DynamicPropertySource
	static void ownBroker(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PORT);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void deliversEveryEventOnceAndInTicketOrderAfterTheBrokerReturns() {
		// the relay is connected and publishing before the outage
		EventEnvelope<?> before = OutboxEvents.created(UUID.randomUUID());
		this.outbox.append(before).as(this.transactions::transactional).as(StepVerifier::create).verifyComplete();
		assertThat(KafkaRecords.awaitMatching(broker.bootstrapServers(), Topics.TICKET_EVENTS,
				(record) -> record.value().contains(before.id()), 1, Duration.ofSeconds(30)))
			.hasSize(1);

		broker.close();
		List<EventEnvelope<?>> written = new ArrayList<>();
		for (UUID ticket : List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())) {
			written.add(OutboxEvents.created(ticket));
			written.add(OutboxEvents.statusChanged(ticket, TicketStatus.NEW, TicketStatus.OPEN));
			written.add(OutboxEvents.statusChanged(ticket, TicketStatus.OPEN, TicketStatus.SOLVED));
		}
		Flux.fromIterable(written)
			.concatMap((event) -> this.outbox.append(event).as(this.transactions::transactional))
			.as(StepVerifier::create)
			.verifyComplete();

		// while the broker is away every write stays committed and unsent
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> unsent() == written.size());

		broker = LocalKafka.start(PORT, CONTROLLER_PORT, DATA);
		await().atMost(Duration.ofSeconds(60)).until(() -> unsent() == 0);

		Set<String> ids = written.stream().map(EventEnvelope::id).collect(Collectors.toSet());
		List<ConsumerRecord<String, String>> seen = KafkaRecords.awaitMatching(broker.bootstrapServers(),
				Topics.TICKET_EVENTS, (record) -> ids.contains(this.json.readHeader(record.value()).id()),
				written.size(), Duration.ofSeconds(30));
		// at-least-once: a consumer de-duplicating on the event id sees each exactly
		// once, in ticket order
		Map<String, List<String>> deduplicatedPerTicket = new LinkedHashMap<>();
		Set<String> applied = new java.util.HashSet<>();
		for (ConsumerRecord<String, String> record : seen) {
			String id = this.json.readHeader(record.value()).id();
			if (applied.add(id)) {
				deduplicatedPerTicket.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(id);
			}
		}
		Map<String, List<String>> writtenPerTicket = written.stream()
			.collect(Collectors.groupingBy(EventEnvelope::subject, LinkedHashMap::new,
					Collectors.mapping(EventEnvelope::id, Collectors.toList())));
		assertThat(applied).isEqualTo(ids);
		assertThat(deduplicatedPerTicket).isEqualTo(writtenPerTicket);
	}

	private long unsent() {
		return this.database.sql("select count(*) from outbox_events where sent_at is null")
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(5));
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("deskflow-outage-kafka-").resolve("data");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
