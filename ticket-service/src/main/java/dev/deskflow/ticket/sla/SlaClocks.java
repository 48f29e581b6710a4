package dev.deskflow.ticket.sla;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.ticket.ticket.Ticket;
import dev.deskflow.ticket.ticket.TicketAutomation;
import dev.deskflow.ticket.ticket.TicketWrite;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps a ticket's SLA clocks in step with the ticket, inside the ticket write's own
 * transaction: a new ticket gets the clocks of the policy that matches it; a change of
 * priority, category or tags applies the policy that matches then; a status change or the
 * first public agent reply pauses, stops or resumes them ({@link ClockRules}). Runs
 * before routing and triggers, which may order work by due time.
 */
@Component
@Order(50)
class SlaClocks implements TicketAutomation {

	private final SlaRepository sla;

	private final SlaRules rules;

	SlaClocks(SlaRepository sla, SlaRules rules) {
		this.sla = sla;
		this.rules = rules;
	}

	@Override
	public Mono<Boolean> afterWrite(TicketWrite write) {
		Ticket before = write.before();
		Ticket after = write.after();
		if (before != null && before.priority() == after.priority()
				&& Objects.equals(before.category(), after.category()) && before.tags().equals(after.tags())
				&& before.status() == after.status()
				&& Objects.equals(before.firstRespondedAt(), after.firstRespondedAt())) {
			return Mono.just(false);
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Mono<Map<SlaTarget, SlaClock>> existing = (before != null)
				? this.sla.clocks(after.tenantId(), after.id()).collectMap(SlaClock::target) : Mono.just(Map.of());
		return this.rules.policyFor(after)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.zipWith(existing)
			.flatMap((found) -> found.getT1()
				.map((policy) -> this.rules.calendar(after.tenantId())
					.flatMapMany((calendar) -> Flux.fromArray(SlaTarget.values())
						.concatMap((target) -> apply(after, target, found.getT2().get(target),
								ClockRules.clock(found.getT2().get(target), policy, target, after, calendar, now))))
					.then())
				.orElseGet(() -> Flux.fromIterable(found.getT2().keySet())
					.concatMap((target) -> this.sla.deleteClock(after.tenantId(), after.id(), target))
					.then()))
			.thenReturn(false); // clocks only, never the ticket's row
	}

	private Mono<Void> apply(Ticket ticket, SlaTarget target, SlaClock existing, SlaClock next) {
		if (next != null) {
			return next.equals(existing) ? Mono.empty() : this.sla.saveClock(ticket.tenantId(), next);
		}
		return (existing != null) ? this.sla.deleteClock(ticket.tenantId(), ticket.id(), target) : Mono.empty();
	}

}
