package dev.deskflow.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.common.event.TicketPriority;

/**
 * An SLA policy of a tenant: which tickets it covers, its targets in business minutes,
 * when a target counts as at risk, and what happens on a breach. Of the policies that
 * match a ticket, the one with the lowest {@code position} applies.
 *
 * @param id the policy
 * @param tenantId its tenant
 * @param name a name for people
 * @param position its precedence, unique per tenant (lowest first)
 * @param priorities the ticket priorities it covers, sorted
 * @param category the category it is limited to, or {@code null} for any
 * @param tags tags a ticket must all carry, sorted (empty: any)
 * @param firstResponseMinutes business minutes to the first public agent reply, or
 * {@code null}
 * @param resolutionMinutes business minutes to solving the ticket, or {@code null}
 * @param atRiskMinutes business minutes before a due time at which a target is at risk
 * @param escalation what a breach does
 * @param createdBy the admin who created it: the actor of its escalations
 * @param updatedAt when it last changed
 * @param version the optimistic-concurrency version (its ETag), 0 when created
 */
record SlaPolicy(UUID id, UUID tenantId, String name, int position, List<TicketPriority> priorities, String category,
		List<String> tags, Integer firstResponseMinutes, Integer resolutionMinutes, int atRiskMinutes,
		Escalation escalation, UUID createdBy, Instant updatedAt, long version) {

	/**
	 * @param next the version it gets
	 * @return this policy at that version
	 */
	SlaPolicy withVersion(long next) {
		return new SlaPolicy(this.id, this.tenantId, this.name, this.position, this.priorities, this.category,
				this.tags, this.firstResponseMinutes, this.resolutionMinutes, this.atRiskMinutes, this.escalation,
				this.createdBy, this.updatedAt, next);
	}

	/**
	 * @param target a target
	 * @return its business time, or {@code null} when the policy does not set it
	 */
	Duration target(SlaTarget target) {
		Integer minutes = (target == SlaTarget.FIRST_RESPONSE) ? this.firstResponseMinutes : this.resolutionMinutes;
		return (minutes != null) ? Duration.ofMinutes(minutes) : null;
	}

	/**
	 * @param other another policy of the tenant
	 * @return whether both cover exactly the same tickets
	 */
	boolean sameCriteria(SlaPolicy other) {
		return this.priorities.equals(other.priorities) && Objects.equals(folded(this.category), folded(other.category))
				&& this.tags.equals(other.tags);
	}

	private static String folded(String category) {
		return (category != null) ? category.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * What a breach does besides its {@code sla.breached} event (the notification).
	 *
	 * @param raisePriority whether the ticket's priority goes one step up (URGENT stays)
	 * @param assigneeId the agent the ticket is reassigned to, or {@code null}
	 * @param unassign whether the ticket is unassigned (back to the queue)
	 */
	record Escalation(boolean raisePriority, UUID assigneeId, boolean unassign) {

		static final Escalation NONE = new Escalation(false, null, false);

	}

}
