package dev.deskflow.ticket.macro;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.routing.AgentGroups;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import dev.deskflow.ticket.ticket.AutomatedChanges;
import dev.deskflow.ticket.ticket.Automation;
import dev.deskflow.ticket.ticket.Ticket;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The use cases of macros: admins save them (checked whole, placeholders included),
 * agents apply them to a ticket in one transaction with {@code If-Match}.
 */
@Component
class Macros {

	/** The most macros a tenant lists at once. */
	static final int MAX_MACROS = 500;

	private final MacroRepository macros;

	private final TenantTransactions transactions;

	private final AutomatedChanges changes;

	private final AgentGroups groups;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	Macros(MacroRepository macros, TenantTransactions transactions, AutomatedChanges changes, AgentGroups groups) {
		this.macros = macros;
		this.transactions = transactions;
		this.changes = changes;
		this.groups = groups;
	}

	/** A macro as an admin writes it. */
	record MacroRequest(String name, TicketActions actions, Macro.Reply reply) {
	}

	Mono<Macro> create(Caller caller, MacroRequest request) {
		Instant now = now();
		Macro macro = validate(new Macro(this.ids.generate(), caller.tenantId(), name(request), actions(request),
				request.reply(), now, now));
		return save(caller, macro, this.macros.insert(macro).thenReturn(true));
	}

	Mono<Macro> replace(Caller caller, UUID id, MacroRequest request) {
		Macro macro = validate(
				new Macro(id, caller.tenantId(), name(request), actions(request), request.reply(), now(), now()));
		return save(caller, macro, this.macros.update(macro));
	}

	Mono<Void> delete(Caller caller, UUID id) {
		return this.transactions.inTenant(caller.tenantId(), () -> this.macros.delete(caller.tenantId(), id))
			.flatMap((deleted) -> deleted ? Mono.<Void>empty() : Mono.error(notFound(id)));
	}

	Mono<Macro> read(Caller caller, UUID id) {
		return this.transactions.inTenant(caller.tenantId(), () -> this.macros.find(caller.tenantId(), id))
			.switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	Flux<Macro> list(Caller caller) {
		return this.transactions.inTenantMany(caller.tenantId(), () -> this.macros.list(caller.tenantId(), MAX_MACROS));
	}

	/**
	 * Applies every action of the macro to the ticket in one transaction: the same
	 * changes, history and events as the individual calls, then triggers and routing.
	 */
	Mono<Ticket> apply(Caller caller, UUID ticketId, UUID macroId, String ifMatch) {
		if (ifMatch == null) {
			return Mono.error(ProblemException.preconditionRequired());
		}
		return this.transactions.inTenant(caller.tenantId(),
				() -> this.macros.find(caller.tenantId(), macroId)
					.switchIfEmpty(Mono.error(() -> notFound(macroId)))
					.flatMap((macro) -> this.changes.apply(caller, ticketId, ifMatch,
							Automation.macro(macro.id(), macro.name()), (ticket) -> plan(caller, macro, ticket))));
	}

	private Mono<AutomatedChanges.Plan> plan(Caller caller, Macro macro, Ticket ticket) {
		Map<String, Object> fields = macro.actions().fieldsFor(ticket);
		if (macro.reply() == null) {
			return Mono.just(AutomatedChanges.Plan.of(fields));
		}
		return Mono
			.zip(this.macros.person(caller.tenantId(), ticket.requesterId()),
					this.macros.person(caller.tenantId(), caller.userId()))
			.map((people) -> new AutomatedChanges.Plan(fields, MacroTemplate.render(macro.reply().body(),
					Map.of("ticket.id", ticket.id().toString(), "ticket.subject", ticket.subject(), "ticket.status",
							ticket.status().name(), "ticket.priority", ticket.priority().name(), "ticket.category",
							(ticket.category() != null) ? ticket.category() : "", "requester.name",
							people.getT1().name(), "requester.email", people.getT1().email(), "agent.name",
							people.getT2().name(), "agent.email", people.getT2().email())),
					macro.reply().internalNote()));
	}

	private Mono<Macro> save(Caller caller, Macro macro, Mono<Boolean> write) {
		return this.transactions
			.inTenant(caller.tenantId(),
					() -> this.groups.requireGroup(caller.tenantId(), macro.actions().groupId(), "actions.groupId")
						.then(write)
						.flatMap((written) -> written ? this.macros.find(caller.tenantId(), macro.id())
								: Mono.error(notFound(macro.id()))))
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> ProblemException.conflict("The tenant already has a macro named " + macro.name()));
	}

	private static Macro validate(Macro macro) {
		List<FieldError> errors = new ArrayList<>();
		if (macro.name().isEmpty() || macro.name().length() > 100) {
			errors.add(new FieldError("name", "1 to 100 characters"));
		}
		errors.addAll(macro.actions().errors("actions"));
		if (macro.reply() != null) {
			String body = macro.reply().body();
			if (body == null || body.isBlank() || body.length() > 20_000) {
				errors.add(new FieldError("reply.body", "1 to 20,000 characters"));
			}
			else {
				Set<String> unknown = MacroTemplate.unknown(body);
				if (!unknown.isEmpty()) {
					errors.add(new FieldError("reply.body",
							"unknown placeholders " + unknown + "; known: " + MacroTemplate.PLACEHOLDERS));
				}
			}
		}
		else if (macro.actions().isEmpty()) {
			errors.add(new FieldError("actions", "a macro needs at least one action or a reply"));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The macro is invalid.", errors);
		}
		return macro;
	}

	private static String name(MacroRequest request) {
		return (request.name() != null) ? request.name().strip() : "";
	}

	private static TicketActions actions(MacroRequest request) {
		return (request.actions() != null) ? request.actions() : new TicketActions(null, null, null, null, null, null);
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.notFound("Macro " + id);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
