package dev.deskflow.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA target of a ticket passed its due time without being met.
 *
 * @param ticketId the ticket
 * @param policyId the SLA policy that set the target
 * @param target which target was breached
 * @param dueAt when the target was due
 * @param breachedAt when the breach was detected, at or after {@code dueAt}
 */
public record SlaBreached(UUID ticketId, UUID policyId, SlaTarget target, Instant dueAt,
		Instant breachedAt) implements SlaEvent {

	/**
	 * The CloudEvents type of this event.
	 */
	public static final String TYPE = "sla.breached";

	/**
	 * Validates the event.
	 * @param ticketId the ticket
	 * @param policyId the SLA policy
	 * @param target which target was breached
	 * @param dueAt when the target was due
	 * @param breachedAt when the breach was detected, not before {@code dueAt}
	 */
	public SlaBreached {
		Fields.required(ticketId, "ticketId");
		Fields.required(policyId, "policyId");
		Fields.required(target, "target");
		Fields.required(dueAt, "dueAt");
		Fields.required(breachedAt, "breachedAt");
		if (breachedAt.isBefore(dueAt)) {
			throw new IllegalArgumentException("breachedAt " + breachedAt + " is before dueAt " + dueAt);
		}
	}

	@Override
	public String type() {
		return TYPE;
	}

}
