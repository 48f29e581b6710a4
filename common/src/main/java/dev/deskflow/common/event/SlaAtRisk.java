package dev.deskflow.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA target of a ticket is close to its due time and not yet met, so agents can act
 * before it is breached.
 *
 * @param ticketId the ticket
 * @param policyId the SLA policy that set the target
 * @param target which target is at risk
 * @param dueAt when the target is due
 */
public record SlaAtRisk(UUID ticketId, UUID policyId, SlaTarget target, Instant dueAt) implements SlaEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "sla.at-risk";

	/**
	 * Validates the event.
	 * @param ticketId the ticket
	 * @param policyId the SLA policy
	 * @param target which target is at risk
	 * @param dueAt when the target is due
	 */
	public SlaAtRisk {
		Fields.required(ticketId, "ticketId");
		Fields.required(policyId, "policyId");
		Fields.required(target, "target");
		Fields.required(dueAt, "dueAt");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
