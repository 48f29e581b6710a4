package dev.deskflow.ticket.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.testsupport.RealServers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.deskflow.support.metrics.TenantTags;
import dev.deskflow.support.tracing.TraceContexts;
import dev.deskflow.ticket.TicketProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
class OutboxRelayTest {

	private final EventJson json = new EventJson();

	@Autowired
	OutboxWriter outbox;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	DatabaseClient database;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MeterRegistry meters;

	@Test
	void publishesACommittedEventKeyedByItsTicket() {
		UUID ticket = UUID.randomUUID();
		EventEnvelope<?> event = OutboxEvents.created(ticket);
		double publishedBefore = published();

		this.outbox.append(event).as(this.transactions::transactional).as(StepVerifier::create).verifyComplete();

		ConsumerRecord<String, String> record = awaitEvents(Set.of(event.id()), 1).get(0);
		assertThat(record.key()).isEqualTo(ticket.toString());
		assertThat(this.json.read(record.value())).isEqualTo(event);
		assertThat(unsent(List.of(event.id()))).isZero();
		await().untilAsserted(() -> assertThat(published()).isGreaterThan(publishedBefore));
	}

	private double published() {
		Counter counter = this.meters.find("deskflow.events.published")
			.tag("type", TicketCreated.TYPE)
			.tag("tenant", OutboxEvents.TENANT.value())
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void aRowThatIsNotAnEventDoesNotHoldBackTheEventsAfterIt() {
		UUID junk = UUID.randomUUID();
		insertRow(junk, "x".repeat(600));
		EventEnvelope<?> after = OutboxEvents.created(UUID.randomUUID());
		this.outbox.append(after).as(this.transactions::transactional).as(StepVerifier::create).verifyComplete();

		assertThat(awaitEvents(Set.of(after.id()), 1)).hasSize(1);
		await().untilAsserted(() -> assertThat(unsent(List.of(junk.toString(), after.id()))).isZero());
	}

	@Test
	void anEventKafkaRefusesIsSetAsideAndTheEventsAfterItGoOut() {
		UUID huge = UUID.randomUUID();
		double rejectionsBefore = this.meters.counter("deskflow.outbox.rejections").count();
		// larger than the producer's max.request.size (1 MiB): Kafka never takes it
		insertRow(huge, "x".repeat(2 * 1024 * 1024));
		EventEnvelope<?> after = OutboxEvents.created(UUID.randomUUID());
		this.outbox.append(after).as(this.transactions::transactional).as(StepVerifier::create).verifyComplete();

		assertThat(awaitEvents(Set.of(after.id()), 1)).hasSize(1);
		await().untilAsserted(() -> assertThat(rejection(huge)).contains("RecordTooLargeException"));
		assertThat(unsent(List.of(huge.toString()))).isOne();
		assertThat(this.meters.counter("deskflow.outbox.rejections").count()).isGreaterThan(rejectionsBefore);
		await().untilAsserted(() -> assertThat(this.meters.get("deskflow.outbox.rejected").gauge().value())
			.isGreaterThanOrEqualTo(1.0));
	}

	@Test
	void onlyARefusalOfTheRecordItselfSetsAnEventAside() {
		Throwable tooLarge = new RecordTooLargeException("2 MiB");
		assertThat(OutboxRelay.refusal(new KafkaProducerException(null, "send failed", tooLarge))).isSameAs(tooLarge);
		assertThat(OutboxRelay.refusal(new InvalidTopicException("bad topic"))).isNotNull();
		// the broker away, or the service not allowed to write: every event would fail
		assertThat(OutboxRelay.refusal(new KafkaProducerException(null, "send failed",
				new org.apache.kafka.common.errors.TimeoutException("expired"))))
			.isNull();
		assertThat(OutboxRelay.refusal(new TopicAuthorizationException("denied"))).isNull();
		assertThat(OutboxRelay.refusal(new IllegalStateException("closed"))).isNull();
	}

	private void insertRow(UUID id, String payload) {
		this.database
			.sql("insert into outbox_events (event_id, tenant, topic, record_key, payload)"
					+ " values (:id, :tenant, :topic, :key, :payload)")
			.bind("id", id)
			.bind("tenant", OutboxEvents.TENANT.value())
			// a topic of its own, so the other tests' readers never meet it
			.bind("topic", "deskflow.outbox-test.junk")
			.bind("key", id.toString())
			.bind("payload", payload)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
	}

	private String rejection(UUID id) {
		return this.database.sql("select rejection from outbox_events where event_id = :id and rejected_at is not null")
			.bind("id", id)
			.map((row, meta) -> row.get(0, String.class))
			.one()
			.defaultIfEmpty("")
			.block(Duration.ofSeconds(5));
	}

	@Test
	void publishesNothingOfARolledBackTransaction() {
		EventEnvelope<?> rolledBack = OutboxEvents.created(UUID.randomUUID());
		EventEnvelope<?> committed = OutboxEvents.created(UUID.randomUUID());

		this.outbox.append(rolledBack)
			.then(Mono.error(new IllegalStateException("the ticket write failed")))
			.as(this.transactions::transactional)
			.as(StepVerifier::create)
			.verifyError(IllegalStateException.class);
		this.outbox.append(committed).as(this.transactions::transactional).as(StepVerifier::create).verifyComplete();

		// the relay publishes in commit order: once the later event is out, the earlier
		// would be too
		List<ConsumerRecord<String, String>> seen = awaitEvents(Set.of(rolledBack.id(), committed.id()), 1);
		assertThat(seen).extracting(ConsumerRecord::value)
			.map((value) -> this.json.readHeader(value).id())
			.containsExactly(committed.id());
		this.database.sql("select count(*) from outbox_events where event_id = :id")
			.bind("id", UUID.fromString(rolledBack.id()))
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
	}

	@Test
	void keepsTheOrderOfEachTicketsEvents() {
		List<UUID> tickets = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		List<EventEnvelope<?>> written = new ArrayList<>();
		for (int round = 0; round < 10; round++) {
			for (UUID ticket : tickets) {
				written.add((round == 0) ? OutboxEvents.created(ticket)
						: OutboxEvents.statusChanged(ticket, TicketStatus.OPEN, TicketStatus.PENDING));
			}
		}
		Flux.fromIterable(written)
			.concatMap((event) -> this.outbox.append(event).as(this.transactions::transactional))
			.as(StepVerifier::create)
			.verifyComplete();

		List<ConsumerRecord<String, String>> seen = awaitEvents(ids(written), written.size());

		assertThat(OutboxEvents.perKey(seen, this.json)).isEqualTo(OutboxEvents.perTicket(written));
	}

	@Test
	void twoRelaysPublishEveryEventExactlyOnce(@Autowired KafkaTemplate<String, String> kafka,
			@Autowired R2dbcConnectionDetails connection, @Autowired TicketProperties properties,
			@Autowired TraceContexts traces) {
		OutboxRelay second = new OutboxRelay(kafka, connection, properties, new SimpleMeterRegistry(), traces,
				new TenantTags(10));
		second.start();
		try {
			List<EventEnvelope<?>> written = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				written.add(OutboxEvents.created(UUID.randomUUID()));
			}
			Flux.fromIterable(written)
				.flatMap((event) -> this.outbox.append(event).as(this.transactions::transactional), 8)
				.as(StepVerifier::create)
				.verifyComplete();

			List<ConsumerRecord<String, String>> seen = awaitEvents(ids(written), written.size());

			assertThat(unsent(new ArrayList<>(ids(written)))).isZero();
			assertThat(seen).hasSize(written.size());
			assertThat(seen.stream().map((record) -> this.json.readHeader(record.value()).id()))
				.doesNotHaveDuplicates();
		}
		finally {
			second.stop();
			second.destroy();
		}
	}

	private List<ConsumerRecord<String, String>> awaitEvents(Set<String> ids, int count) {
		return KafkaRecords.awaitMatching(this.bootstrapServers, Topics.TICKET_EVENTS,
				(record) -> ids.contains(this.json.readHeader(record.value()).id()), count, Duration.ofSeconds(30));
	}

	private long unsent(List<String> ids) {
		return OutboxEvents.unsent(this.database, ids);
	}

	private static Set<String> ids(List<EventEnvelope<?>> events) {
		return OutboxEvents.ids(events);
	}

}
