package dev.deskflow.ticket.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.testsupport.RealServers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A drain publishes what commits while it runs, and ends after {@code max-drain}: with a
 * short limit and a steady stream of commits, drain after drain ends that way, and every
 * event still reaches Kafka once, in each ticket's order, and is marked sent. A database
 * of its own keeps the relays of other tests' contexts from taking its drains.
 */
@SpringBootTest(properties = { "deskflow.ticket.outbox.max-drain=30ms", "deskflow.ticket.outbox.batch-window=2ms" })
@RealServers(database = "deskflow_ticket_drains", kafka = true, redis = true)
class OutboxRelayDrainLimitTest {

	private final EventJson json = new EventJson();

	@Autowired
	OutboxWriter outbox;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	DatabaseClient database;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void drainsThatReachTheirLimitLoseNothingAndKeepEachTicketsOrder() {
		List<UUID> tickets = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		List<EventEnvelope<?>> written = new ArrayList<>();
		for (int round = 0; round < 60; round++) {
			for (UUID ticket : tickets) {
				written.add((round == 0) ? OutboxEvents.created(ticket)
						: OutboxEvents.statusChanged(ticket, TicketStatus.OPEN, TicketStatus.PENDING));
			}
		}
		double limitedBefore = drainsThatReachedTheLimit();

		// one commit after another: the relay keeps finding new rows, so its drains run
		// into the limit rather than out of rows
		Flux.fromIterable(written)
			.concatMap((event) -> this.outbox.append(event).as(this.transactions::transactional))
			.as(StepVerifier::create)
			.verifyComplete();

		Set<String> ids = OutboxEvents.ids(written);
		List<ConsumerRecord<String, String>> seen = KafkaRecords.awaitMatching(this.bootstrapServers,
				Topics.TICKET_EVENTS, (record) -> ids.contains(this.json.readHeader(record.value()).id()),
				written.size(), Duration.ofSeconds(30));
		assertThat(seen.stream().map((record) -> this.json.readHeader(record.value()).id())).doesNotHaveDuplicates();
		assertThat(OutboxEvents.perKey(seen, this.json)).isEqualTo(OutboxEvents.perTicket(written));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(OutboxEvents.unsent(this.database, new ArrayList<>(ids))).isZero());
		assertThat(drainsThatReachedTheLimit()).isGreaterThan(limitedBefore);
	}

	private double drainsThatReachedTheLimit() {
		Counter drains = this.meters.find("deskflow.outbox.drains").tag("ended", "max-drain").counter();
		return (drains != null) ? drains.count() : 0;
	}

}
