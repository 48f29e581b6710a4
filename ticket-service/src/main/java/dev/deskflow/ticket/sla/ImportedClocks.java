package dev.deskflow.ticket.sla;

import java.time.Instant;

import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.ticket.ticket.Ticket;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The SLA clocks of imported tickets (an import writes tickets without the ticket write's
 * automation): a ticket imported open gets the clocks of the policy that matches it,
 * counted from its imported creation time, with targets already past at the import marked
 * silently ({@link ClockRules#imported}); a ticket imported solved or closed gets none,
 * so history does not count as met or missed.
 */
@Component
public class ImportedClocks {

	private final SlaRepository sla;

	private final SlaRules rules;

	ImportedClocks(SlaRepository sla, SlaRules rules) {
		this.sla = sla;
		this.rules = rules;
	}

	/**
	 * Starts the clocks of an imported ticket, in the import's transaction.
	 * @param ticket the ticket as imported
	 * @param now the time of the import
	 * @return completes when its clocks are written
	 */
	public Mono<Void> start(Ticket ticket, Instant now) {
		if (!ticket.isOpen()) {
			return Mono.empty();
		}
		return this.rules.policyFor(ticket)
			.flatMap((policy) -> this.rules.calendar(ticket.tenantId())
				.flatMapMany((calendar) -> Flux.fromArray(SlaTarget.values())
					.mapNotNull((target) -> ClockRules.imported(policy, target, ticket, calendar, now)))
				.concatMap((clock) -> this.sla.saveClock(ticket.tenantId(), clock))
				.then());
	}

}
