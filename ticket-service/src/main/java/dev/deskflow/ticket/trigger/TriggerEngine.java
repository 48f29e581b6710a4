package dev.deskflow.ticket.trigger;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.tenancy.TenantRules;
import dev.deskflow.ticket.ticket.AutomatedChanges;
import dev.deskflow.ticket.ticket.Automation;
import dev.deskflow.ticket.ticket.Ticket;
import dev.deskflow.ticket.ticket.TicketAutomation;
import dev.deskflow.ticket.ticket.TicketWrite;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the tenant's active triggers after a person's ticket write, in the write's
 * transaction. The first trigger (by position) that matches the ticket fires; then the
 * triggers are evaluated again on the changed ticket, skipping those that fired. So a
 * trigger fires at most once per change, a trigger's change can fire later or earlier
 * triggers, and the chain ends after at most as many firings as there are triggers: loops
 * are impossible. Changes made by triggers and routing do not start a new chain.
 */
@Component
@Order(100)
class TriggerEngine implements TicketAutomation {

	private final TriggerRepository triggers;

	private final AutomatedChanges changes;

	private final TenantRules rules;

	TriggerEngine(TriggerRepository triggers, AutomatedChanges changes, TenantRules rules) {
		this.triggers = triggers;
		this.changes = changes;
		this.rules = rules;
	}

	@Override
	public Mono<Boolean> afterWrite(TicketWrite write) {
		if (write.by() != null && (write.by().isTrigger() || write.by().isRouting())) {
			return Mono.just(false);
		}
		Set<UUID> fired = new HashSet<>();
		UUID tenantId = write.after().tenantId();
		return this.rules
			.get("triggers", tenantId,
					() -> this.triggers.list(tenantId, true, Triggers.MAX_TRIGGERS).collectList().map(List::copyOf))
			.map((all) -> all.stream().filter((trigger) -> trigger.event().matches(write.created())).toList())
			.flatMap((active) -> fire(write.caller(), write.after(), active, fired))
			.then(Mono.fromSupplier(() -> !fired.isEmpty()));
	}

	private Mono<Ticket> fire(Caller caller, Ticket ticket, List<Trigger> active, Set<UUID> fired) {
		Optional<Trigger> next = active.stream()
			.filter((trigger) -> !fired.contains(trigger.id()) && trigger.conditions().matches(ticket))
			.findFirst();
		if (next.isEmpty()) {
			return Mono.just(ticket);
		}
		Trigger trigger = next.get();
		fired.add(trigger.id());
		return this.changes
			.apply(caller, ticket.id(), null, Automation.trigger(trigger.id(), trigger.name()),
					(current) -> Mono.just(AutomatedChanges.Plan.of(trigger.actions().fieldsFor(current))))
			.flatMap((after) -> fire(caller, after, active, fired));
	}

}
