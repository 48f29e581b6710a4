package dev.deskflow.ticket.sla;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.ticket.AutomatedChanges;
import dev.deskflow.ticket.ticket.Automation;
import dev.deskflow.ticket.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Carries out a policy's escalation on a breach, in the scheduler's transaction: raise
 * the priority one step, reassign to the policy's agent or unassign. The change is made
 * like any automated change (history entry {@code sla-escalated} naming the policy, its
 * events, triggers after it), with the admin who set the policy as its actor.
 */
@Component
class BreachEscalation {

	private static final Logger log = LoggerFactory.getLogger(BreachEscalation.class);

	private final SlaRepository sla;

	private final AutomatedChanges changes;

	BreachEscalation(SlaRepository sla, AutomatedChanges changes) {
		this.sla = sla;
		this.changes = changes;
	}

	/**
	 * @param tenantId the ticket's tenant
	 * @param tenant its slug
	 * @param clock the breached clock
	 * @return completes when the escalation is written (an escalation that is no longer
	 * possible, such as a deactivated agent, is logged and skipped)
	 */
	Mono<Void> escalate(UUID tenantId, TenantId tenant, SlaClock clock) {
		return this.sla.policy(tenantId, clock.policyId())
			.filter((policy) -> !policy.escalation().equals(SlaPolicy.Escalation.NONE))
			.flatMap((policy) -> this.changes
				.apply(new Caller(policy.createdBy(), tenantId, tenant, Role.ADMIN), clock.ticketId(), null,
						Automation.slaEscalation(policy.id(), policy.name()),
						(ticket) -> Mono.just(AutomatedChanges.Plan.of(fields(ticket, policy.escalation()))))
				.onErrorResume(ProblemException.class, (ex) -> {
					log.warn("tenant={} ticket={} SLA escalation of policy {} skipped: {}", tenant.value(),
							clock.ticketId(), policy.id(), ex.getMessage());
					return Mono.empty();
				}))
			.then();
	}

	static Map<String, Object> fields(Ticket ticket, SlaPolicy.Escalation escalation) {
		Map<String, Object> fields = new HashMap<>();
		if (escalation.raisePriority() && ticket.priority() != TicketPriority.URGENT) {
			fields.put("priority", TicketPriority.values()[ticket.priority().ordinal() + 1].name());
		}
		if (escalation.assigneeId() != null && !escalation.assigneeId().equals(ticket.assigneeId())) {
			fields.put("assigneeId", escalation.assigneeId().toString());
		}
		if (escalation.unassign() && ticket.assigneeId() != null) {
			fields.put("assigneeId", null);
		}
		return fields;
	}

}
