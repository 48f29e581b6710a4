package dev.deskflow.common.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;

/**
 * One fully populated instance of every event record, for tests that must cover them all.
 */
public final class SampleEvents {

	public static final UUID TICKET_ID = UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a01");

	public static final UUID ARTICLE_ID = UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a02");

	private static final UUID CUSTOMER_ID = UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a03");

	private static final UUID AGENT_ID = UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a04");

	private static final UUID POLICY_ID = UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a05");

	private static final Instant AT = Instant.parse("2025-03-04T10:15:30.123Z");

	private SampleEvents() {
	}

	public static List<DeskflowEvent> all() {
		return List.of(new TicketCreated(TICKET_ID, CUSTOMER_ID, "Printer on fire", "Smoke since this morning.",
				TicketStatus.NEW, TicketPriority.URGENT, "hardware", List.of("printer", "fire"), TicketChannel.WEB, AT),
				new TicketStatusChanged(TICKET_ID, TicketStatus.NEW, TicketStatus.OPEN, AGENT_ID, AT),
				new TicketCommented(TICKET_ID, UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a06"), AGENT_ID,
						Role.AGENT, "Checked the fuser, it is gone.", true, AT),
				new TicketAssigned(TICKET_ID, AGENT_ID, null, AGENT_ID, AT),
				new TicketUpdated(TICKET_ID, TicketPriority.HIGH, null, List.of("printer"), AGENT_ID, AT),
				new KbArticlePublished(ARTICLE_ID, "Replacing a fuser", "1. Switch the printer off.", "hardware",
						List.of("printer"), AT),
				new SlaAtRisk(TICKET_ID, POLICY_ID, SlaTarget.FIRST_RESPONSE, AT),
				new SlaBreached(TICKET_ID, POLICY_ID, SlaTarget.RESOLUTION, AT, AT.plusSeconds(60)),
				new RecommendationsReady(
						TICKET_ID, "acme-w2v-2025-03-01", List
							.of(new Recommendation(RecommendationKind.ARTICLE, ARTICLE_ID, 0.92, "fuser, printer"),
									new Recommendation(RecommendationKind.TICKET,
											UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a07"), 0.71, "smoke")),
						AT));
	}

}
