package dev.deskflow.common.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.deskflow.common.tenant.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EventRecordsTest {

	private static final UUID TICKET = SampleEvents.TICKET_ID;

	private static final UUID USER = UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a03");

	private static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");

	@Test
	void treatsAbsentTagsAsEmpty() {
		TicketUpdated updated = new TicketUpdated(TICKET, TicketPriority.LOW, null, null, USER, AT);

		assertThat(updated.tags()).isEmpty();
		assertThat(updated.category()).isNull();
	}

	@Test
	void copiesListsSoTheEventCannotChangeAfterwards() {
		List<String> tags = new ArrayList<>(List.of("printer"));
		TicketUpdated updated = new TicketUpdated(TICKET, TicketPriority.LOW, null, tags, USER, AT);

		tags.add("fire");

		assertThat(updated.tags()).containsExactly("printer").isUnmodifiable();
	}

	@Test
	void namesTheMissingField() {
		assertThatNullPointerException()
			.isThrownBy(() -> new TicketStatusChanged(null, TicketStatus.NEW, TicketStatus.OPEN, USER, AT))
			.withMessage("ticketId is required");
	}

	@Test
	void rejectsAStatusChangeToTheSameStatus() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TicketStatusChanged(TICKET, TicketStatus.OPEN, TicketStatus.OPEN, USER, AT));
	}

	@Test
	void rejectsAnInternalNoteByACustomer() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TicketCommented(TICKET, UUID.randomUUID(), USER, Role.CUSTOMER, "psst", true, AT))
			.withMessageContaining("internal note");
	}

	@Test
	void rejectsABreachBeforeItsDueTime() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SlaBreached(TICKET, UUID.randomUUID(), SlaTarget.RESOLUTION, AT, AT.minusSeconds(1)));
	}

	@Test
	void rejectsANonFiniteRecommendationScore() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Recommendation(RecommendationKind.ARTICLE, UUID.randomUUID(), Double.NaN, "x"));
	}

	@Test
	void usesTheTicketIdAsAggregateIdOfTicketSlaAndRecommendationEvents() {
		assertThat(SampleEvents.all()).filteredOn((event) -> !(event instanceof KnowledgeBaseEvent))
			.hasSize(8)
			.allSatisfy((event) -> assertThat(event.aggregateId()).isEqualTo(TICKET));
	}

}
