package dev.deskflow.ticket.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.tenant.TenantId;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Events for outbox tests (what ticket-service's writes will append), and what the tests
 * ask of the outbox and of Kafka about them.
 */
final class OutboxEvents {

	static final TenantId TENANT = TenantId.of("outbox-test");

	private OutboxEvents() {
	}

	static EventEnvelope<TicketCreated> created(UUID ticketId) {
		return EventEnvelope.of("/ticket-service", TENANT,
				new TicketCreated(ticketId, UUID.randomUUID(), "Printer on fire", "Smoke from tray 2", TicketStatus.NEW,
						TicketPriority.HIGH, "Hardware", List.of("printer"), TicketChannel.WEB, Instant.now()));
	}

	static EventEnvelope<TicketStatusChanged> statusChanged(UUID ticketId, TicketStatus from, TicketStatus to) {
		return EventEnvelope.of("/ticket-service", TENANT,
				new TicketStatusChanged(ticketId, from, to, UUID.randomUUID(), Instant.now()));
	}

	static Set<String> ids(List<EventEnvelope<?>> events) {
		return events.stream().map(EventEnvelope::id).collect(Collectors.toCollection(HashSet::new));
	}

	/** The ids of the events written, per ticket, in the order they were written. */
	static Map<String, List<String>> perTicket(List<EventEnvelope<?>> written) {
		return written.stream()
			.collect(Collectors.groupingBy(EventEnvelope::subject,
					Collectors.mapping(EventEnvelope::id, Collectors.toList())));
	}

	/**
	 * The ids of the events seen on Kafka, per record key, in the order they were read.
	 */
	static Map<String, List<String>> perKey(List<ConsumerRecord<String, String>> seen, EventJson json) {
		return seen.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::key,
					Collectors.mapping((record) -> json.readHeader(record.value()).id(), Collectors.toList())));
	}

	/** How many of the events are in the outbox and not marked sent. */
	static long unsent(DatabaseClient database, List<String> ids) {
		return database.sql("select count(*) from outbox_events where sent_at is null and event_id = any(:ids)")
			.bind("ids", ids.stream().map(UUID::fromString).toArray(UUID[]::new))
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(5));
	}

}
