package dev.deskflow.ticket.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.sla.SlaViews.TicketSlaView;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import dev.deskflow.ticket.ticket.TicketSla;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Tickets' SLA clocks as staff read them: due times, business time remaining (in the
 * tenant's calendar), at-risk and breached flags. Customers never see them.
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
	public Mono<Map<UUID, Object>> views(Caller caller, Collection<UUID> ticketIds) {
		if (!caller.isStaff() || ticketIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.transactions.inTenant(caller.tenantId(), () -> views(caller.tenantId(), ticketIds))
			.map(HashMap<UUID, Object>::new);
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
					.flatMap((exists) -> exists ? views(caller.tenantId(), List.of(ticketId))
							: Mono.error(ProblemException.notFound("Ticket " + ticketId)))
					.map((views) -> views.getOrDefault(ticketId, TicketSlaView.NONE)));
	}

	/**
	 * One statement for the tickets' clocks, and one for the tenant's calendar if any
	 * ticket has a clock.
	 */
	private Mono<Map<UUID, TicketSlaView>> views(UUID tenantId, Collection<UUID> ticketIds) {
		Instant now = Instant.now();
		return this.sla.clocks(tenantId, ticketIds)
			.collect(Collectors.groupingBy((named) -> named.clock().ticketId()))
			.flatMap((byTicket) -> byTicket.isEmpty() ? Mono.just(Map.of())
					: this.sla.businessCalendar(tenantId).map((calendar) -> {
						Map<UUID, TicketSlaView> views = new HashMap<>();
						byTicket.forEach((id, clocks) -> views.put(id, TicketSlaView.of(clocks, calendar, now)));
						return views;
					}));
	}

}
