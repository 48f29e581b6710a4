package dev.deskflow.ticket.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.sla.SlaPolicy.Escalation;

/**
 * An SLA policy as an admin sends it (create or replace).
 *
 * @param name a name for people, 1–100 characters
 * @param order its precedence among the tenant's policies (0–10,000, lowest first,
 * unique)
 * @param priorities the ticket priorities it covers (at least one)
 * @param category the category it is limited to (any when absent)
 * @param tags tags a ticket must all carry (at most 20)
 * @param firstResponseMinutes business minutes to the first public agent reply
 * @param resolutionMinutes business minutes to solving the ticket
 * @param atRiskMinutes business minutes before a due time at which the target is at risk
 * (less than every target)
 * @param escalation what a breach does besides its event
 */
record PolicyRequest(String name, Integer order, List<TicketPriority> priorities, String category, List<String> tags,
		Integer firstResponseMinutes, Integer resolutionMinutes, Integer atRiskMinutes, EscalationRequest escalation) {

	/** The longest target: 30 days of business time. */
	static final int MAX_TARGET_MINUTES = 43_200;

	static final int MAX_ORDER = 10_000;

	/**
	 * What a breach does.
	 *
	 * @param raisePriority raise the ticket's priority one step
	 * @param assigneeId reassign the ticket to this agent
	 * @param unassign unassign the ticket
	 */
	record EscalationRequest(Boolean raisePriority, UUID assigneeId, Boolean unassign) {
	}

	/**
	 * Checks every field.
	 * @param id the policy's id
	 * @param tenantId the admin's tenant
	 * @param createdBy the admin
	 * @param now the time of the change
	 * @return the policy
	 * @throws ProblemException 400 listing every invalid field
	 */
	SlaPolicy validate(UUID id, UUID tenantId, UUID createdBy, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (this.name == null || this.name.isBlank() || this.name.length() > 100) {
			errors.add(new FieldError("name", "1 to 100 characters"));
		}
		if (this.order == null || this.order < 0 || this.order > MAX_ORDER) {
			errors.add(new FieldError("order", "a number from 0 to " + MAX_ORDER + " (lowest applies first)"));
		}
		if (this.priorities == null || this.priorities.isEmpty() || this.priorities.contains(null)) {
			errors.add(new FieldError("priorities", "at least one of " + List.of(TicketPriority.values())));
		}
		String cleanCategory = (this.category == null || this.category.isBlank()) ? null : this.category.strip();
		if (cleanCategory != null && cleanCategory.length() > 100) {
			errors.add(new FieldError("category", "at most 100 characters"));
		}
		TreeSet<String> cleanTags = tags(errors);
		minutes("firstResponseMinutes", this.firstResponseMinutes, errors);
		minutes("resolutionMinutes", this.resolutionMinutes, errors);
		if (this.firstResponseMinutes == null && this.resolutionMinutes == null) {
			errors.add(new FieldError("firstResponseMinutes", "set a first-response or a resolution target"));
		}
		atRisk(errors);
		Escalation onBreach = escalation(errors);
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The SLA policy has invalid fields.", errors);
		}
		return new SlaPolicy(id, tenantId, this.name.strip(), this.order, List.copyOf(new TreeSet<>(this.priorities)),
				cleanCategory, List.copyOf(cleanTags), this.firstResponseMinutes, this.resolutionMinutes,
				this.atRiskMinutes, onBreach, createdBy, now, 0);
	}

	private TreeSet<String> tags(List<FieldError> errors) {
		TreeSet<String> clean = new TreeSet<>();
		if (this.tags == null) {
			return clean;
		}
		if (this.tags.size() > 20) {
			errors.add(new FieldError("tags", "at most 20 tags"));
			return clean;
		}
		for (String tag : this.tags) {
			if (tag == null || tag.length() > 50 || !tag.strip().matches("[\\p{L}\\p{N}_.:-]+")) {
				errors.add(new FieldError("tags", "tags are words, digits and _ . : - (at most 50 characters)"));
				return clean;
			}
			clean.add(tag.strip().toLowerCase(Locale.ROOT));
		}
		return clean;
	}

	private static void minutes(String field, Integer minutes, List<FieldError> errors) {
		if (minutes != null && (minutes < 1 || minutes > MAX_TARGET_MINUTES)) {
			errors.add(new FieldError(field, "business minutes from 1 to " + MAX_TARGET_MINUTES));
		}
	}

	private void atRisk(List<FieldError> errors) {
		if (this.atRiskMinutes == null || this.atRiskMinutes < 1) {
			errors.add(new FieldError("atRiskMinutes", "business minutes (at least 1) before a due time"));
			return;
		}
		for (Integer target : new Integer[] { this.firstResponseMinutes, this.resolutionMinutes }) {
			if (target != null && this.atRiskMinutes >= target) {
				errors.add(new FieldError("atRiskMinutes", "must be less than every target"));
				return;
			}
		}
	}

	private Escalation escalation(List<FieldError> errors) {
		if (this.escalation == null) {
			return Escalation.NONE;
		}
		boolean unassign = Boolean.TRUE.equals(this.escalation.unassign());
		if (unassign && this.escalation.assigneeId() != null) {
			errors.add(new FieldError("escalation", "either reassign (assigneeId) or unassign, not both"));
		}
		return new Escalation(Boolean.TRUE.equals(this.escalation.raisePriority()), this.escalation.assigneeId(),
				unassign);
	}

}
