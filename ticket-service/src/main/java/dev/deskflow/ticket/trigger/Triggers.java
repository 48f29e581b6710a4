package dev.deskflow.ticket.trigger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.macro.TicketActions;
import dev.deskflow.ticket.routing.AgentGroups;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The use cases of triggers for admins: a trigger is checked whole before it is saved.
 */
@Component
class Triggers {

	/** The most triggers a tenant has run (and lists) per ticket write. */
	static final int MAX_TRIGGERS = 200;

	private final TriggerRepository triggers;

	private final TenantTransactions transactions;

	private final AgentGroups groups;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	Triggers(TriggerRepository triggers, TenantTransactions transactions, AgentGroups groups) {
		this.triggers = triggers;
		this.transactions = transactions;
		this.groups = groups;
	}

	/** A trigger as an admin writes it; {@code active} defaults to true. */
	record TriggerRequest(String name, TriggerEvent event, Boolean active, Integer position,
			TriggerConditions conditions, TicketActions actions) {
	}

	Mono<Trigger> create(Caller caller, TriggerRequest request) {
		Instant now = now();
		Trigger trigger = validate(caller, this.ids.generate(), request, now);
		return save(caller, trigger, this.triggers.insert(trigger).thenReturn(true));
	}

	Mono<Trigger> replace(Caller caller, UUID id, TriggerRequest request) {
		Trigger trigger = validate(caller, id, request, now());
		return save(caller, trigger, this.triggers.update(trigger));
	}

	Mono<Void> delete(Caller caller, UUID id) {
		return this.transactions.inTenant(caller.tenantId(), () -> this.triggers.delete(caller.tenantId(), id))
			.flatMap((deleted) -> deleted ? Mono.<Void>empty() : Mono.error(notFound(id)));
	}

	Mono<Trigger> read(Caller caller, UUID id) {
		return this.transactions.inTenant(caller.tenantId(), () -> this.triggers.find(caller.tenantId(), id))
			.switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	Flux<Trigger> list(Caller caller) {
		return this.transactions.inTenantMany(caller.tenantId(),
				() -> this.triggers.list(caller.tenantId(), false, MAX_TRIGGERS));
	}

	private Mono<Trigger> save(Caller caller, Trigger trigger, Mono<Boolean> write) {
		return this.transactions
			.inTenant(caller.tenantId(),
					() -> this.groups.requireGroup(caller.tenantId(), trigger.actions().groupId(), "actions.groupId")
						.then(write)
						.flatMap((written) -> written ? this.triggers.find(caller.tenantId(), trigger.id())
								: Mono.error(notFound(trigger.id()))))
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> ProblemException.conflict("The tenant already has a trigger named " + trigger.name()));
	}

	private static Trigger validate(Caller caller, UUID id, TriggerRequest request, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		String name = (request.name() != null) ? request.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			errors.add(new FieldError("name", "1 to 100 characters"));
		}
		if (request.event() == null) {
			errors.add(new FieldError("event", "CREATED, UPDATED or CREATED_OR_UPDATED"));
		}
		if (request.position() != null && (request.position() < 0 || request.position() > 100_000)) {
			errors.add(new FieldError("position", "0 to 100000"));
		}
		TriggerConditions conditions = (request.conditions() != null) ? request.conditions()
				: new TriggerConditions(null, null, null, null, null, null);
		errors.addAll(conditions.errors());
		if (request.actions() == null || request.actions().isEmpty()) {
			errors.add(new FieldError("actions", "at least one of priority, category, addTags, removeTags, groupId"));
		}
		else {
			errors.addAll(request.actions().errors("actions"));
			if (request.actions().status() != null) {
				errors.add(new FieldError("actions.status", "triggers do not change the status"));
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The trigger is invalid.", errors);
		}
		return new Trigger(id, caller.tenantId(), name, request.event(), !Boolean.FALSE.equals(request.active()),
				(request.position() != null) ? request.position() : -1, conditions, request.actions(), now, now);
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.notFound("Trigger " + id);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
