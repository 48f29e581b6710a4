package dev.deskflow.ticket.sla;

import java.time.Instant;
import java.util.UUID;

import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.sla.SlaViews.TicketSlaView;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import dev.deskflow.ticket.ticket.TicketSla;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A ticket's SLA clocks as staff read them: due times, business time remaining (in the
 * tenant's calendar), at-risk and breached flags.
 */
@Component
class SlaReads implements TicketSla {

	private final SlaRepository sla;

	private final TenantTransactions transactions;

	SlaReads(SlaRepository sla, TenantTransactions transactions) {
		this.sla = sla;
		this.transactions = transactions;
	}

	@Override
	public Mono<Object> view(Caller caller, UUID ticketId) {
		if (!caller.isStaff()) {
			return Mono.empty();
		}
		return this.transactions.inTenant(caller.tenantId(), () -> clocks(caller.tenantId(), ticketId))
			.filter(TicketSlaView::applies)
			.cast(Object.class);
	}

	/**
	 * @param caller an agent or admin
	 * @param ticketId a ticket of the caller's tenant
	 * @return its SLA; 404 for an unknown ticket
	 */
	Mono<TicketSlaView> read(Caller caller, UUID ticketId) {
		if (!caller.isStaff()) {
			return Mono.error(ProblemException.forbidden("Only agents and admins see SLA clocks."));
		}
		return this.transactions.inTenant(caller.tenantId(),
				() -> this.sla.ticketExists(caller.tenantId(), ticketId)
					.flatMap((exists) -> exists ? clocks(caller.tenantId(), ticketId)
							: Mono.error(ProblemException.notFound("Ticket " + ticketId))));
	}

	private Mono<TicketSlaView> clocks(UUID tenantId, UUID ticketId) {
		Instant now = Instant.now();
		return this.sla.clocks(tenantId, ticketId)
			.collectList()
			.flatMap((clocks) -> clocks.isEmpty() ? Mono.just(TicketSlaView.NONE)
					: Mono.zip(this.sla.policy(tenantId, clocks.get(0).policyId()), this.sla.businessCalendar(tenantId))
						.map((found) -> new TicketSlaView(true, found.getT1().id(), found.getT1().name(),
								SlaViews.clock(clocks, SlaTarget.FIRST_RESPONSE, found.getT2(), now),
								SlaViews.clock(clocks, SlaTarget.RESOLUTION, found.getT2(), now))));
	}

}
