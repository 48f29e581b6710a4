package dev.deskflow.common.event;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.deskflow.common.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EventEnvelopeTest {

	private static final TenantId ACME = TenantId.of("acme");

	private final TicketStatusChanged opened = new TicketStatusChanged(SampleEvents.TICKET_ID, TicketStatus.NEW,
			TicketStatus.OPEN, UUID.randomUUID(), Instant.parse("2025-03-04T10:15:30Z"));

	@Test
	void ofFillsIdTypeSubjectAndTimeFromTheEvent() {
		Instant before = Instant.now().minusMillis(1);

		EventEnvelope<TicketStatusChanged> envelope = EventEnvelope.of("/ticket-service", ACME, this.opened);

		assertThat(envelope.specVersion()).isEqualTo("1.0");
		assertThat(UUID.fromString(envelope.id())).hasToString(envelope.id());
		assertThat(envelope.source()).isEqualTo("/ticket-service");
		assertThat(envelope.type()).isEqualTo("ticket.status-changed");
		assertThat(envelope.subject()).isEqualTo(SampleEvents.TICKET_ID.toString());
		assertThat(envelope.time()).isBetween(before, Instant.now());
		assertThat(envelope.dataContentType()).isEqualTo("application/json");
		assertThat(envelope.tenantId()).isEqualTo(ACME);
		assertThat(envelope.data()).isSameAs(this.opened);
	}

	@Test
	void ofGivesEveryEnvelopeItsOwnId() {
		EventEnvelope<TicketStatusChanged> first = EventEnvelope.of("/ticket-service", ACME, this.opened);
		EventEnvelope<TicketStatusChanged> second = EventEnvelope.of("/ticket-service", ACME, this.opened);

		assertThat(first.id()).isNotEqualTo(second.id());
	}

	@Test
	void usesTheArticleIdAsSubjectOfKnowledgeBaseEvents() {
		KbArticlePublished published = (KbArticlePublished) SampleEvents.all()
			.stream()
			.filter(KbArticlePublished.class::isInstance)
			.findFirst()
			.orElseThrow();

		assertThat(EventEnvelope.of("/ticket-service", ACME, published).subject())
			.isEqualTo(SampleEvents.ARTICLE_ID.toString());
	}

	@Test
	void rejectsATypeThatDisagreesWithTheData() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventEnvelope<>("1.0", "id-1", "/ticket-service", "ticket.created",
					SampleEvents.TICKET_ID.toString(), Instant.now(), "application/json", ACME, this.opened))
			.withMessageContaining("ticket.created")
			.withMessageContaining("ticket.status-changed");
	}

	@Test
	void rejectsAnotherSpecVersion() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventEnvelope<>("0.3", "id-1", "/ticket-service", TicketStatusChanged.TYPE,
					SampleEvents.TICKET_ID.toString(), Instant.now(), "application/json", ACME, this.opened))
			.withMessageContaining("specversion '0.3'");
	}

	@Test
	void rejectsASourceThatIsNotAUriReference() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventEnvelope.of("ticket service", ACME, this.opened))
			.withMessageContaining("source");
	}

	@Test
	void requiresATenant() {
		assertThatNullPointerException().isThrownBy(() -> EventEnvelope.of("/ticket-service", null, this.opened))
			.withMessageContaining("tenantid");
	}

	@Test
	void exposesItsHeader() {
		EventEnvelope<TicketStatusChanged> envelope = EventEnvelope.of("/ticket-service", ACME, this.opened);

		assertThat(envelope.header()).isEqualTo(new EventHeader(envelope.id(), "/ticket-service",
				TicketStatusChanged.TYPE, envelope.subject(), envelope.time(), ACME));
	}

}
