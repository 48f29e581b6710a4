package dev.deskflow.ticket.sla;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.sla.CalendarRequest.Calendar;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The admin's SLA settings: the business calendar and the policies. A policy that would
 * tie with another (same order) or duplicate one (same priorities, category and tags) is
 * refused with 409, so exactly one policy applies to a ticket. Changes apply to each
 * ticket from its next write (creation, priority, category, tags or status change).
 */
@Component
class SlaAdministration {

	/** Policies per tenant, which keeps the list and the matching small. */
	static final int MAX_POLICIES = 100;

	private final SlaRepository sla;

	private final TenantTransactions transactions;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	SlaAdministration(SlaRepository sla, TenantTransactions transactions) {
		this.sla = sla;
		this.transactions = transactions;
	}

	Mono<Calendar> calendar(Caller admin) {
		return inTenant(admin, () -> this.sla.calendar(admin.tenantId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("A business calendar (the tenant counts 24x7)")));
	}

	Mono<Calendar> saveCalendar(Caller admin, CalendarRequest request) {
		requireAdmin(admin);
		Calendar calendar = request.validate();
		return inTenant(admin, () -> this.sla.saveCalendar(admin.tenantId(), calendar, now()).thenReturn(calendar));
	}

	Mono<Void> deleteCalendar(Caller admin) {
		return inTenant(admin, () -> this.sla.deleteCalendar(admin.tenantId())).then();
	}

	Flux<SlaPolicy> policies(Caller admin) {
		requireAdmin(admin);
		return this.transactions.inTenantMany(admin.tenantId(), () -> this.sla.policies(admin.tenantId()));
	}

	Mono<SlaPolicy> policy(Caller admin, UUID id) {
		return inTenant(admin, () -> found(admin, id));
	}

	Mono<SlaPolicy> create(Caller admin, PolicyRequest request) {
		requireAdmin(admin);
		SlaPolicy policy = request.validate(this.ids.generate(), admin.tenantId(), admin.userId(), now());
		return inTenant(admin, () -> checked(policy).then(this.sla.insertPolicy(policy)).thenReturn(policy));
	}

	Mono<SlaPolicy> replace(Caller admin, UUID id, PolicyRequest request) {
		requireAdmin(admin);
		SlaPolicy policy = request.validate(id, admin.tenantId(), admin.userId(), now());
		return inTenant(admin,
				() -> found(admin, id).then(checked(policy)).then(this.sla.updatePolicy(policy)).thenReturn(policy));
	}

	Mono<Void> delete(Caller admin, UUID id) {
		return inTenant(admin,
				() -> this.sla.deletePolicy(admin.tenantId(), id)
					.flatMap((deleted) -> (deleted == 0) ? Mono.error(ProblemException.notFound("SLA policy " + id))
							: Mono.<Void>empty()));
	}

	private Mono<SlaPolicy> found(Caller admin, UUID id) {
		return this.sla.policy(admin.tenantId(), id)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("SLA policy " + id)));
	}

	/**
	 * Under the tenant's policy lock: the escalation's agent exists, and no other policy
	 * ties with or duplicates this one.
	 */
	private Mono<Void> checked(SlaPolicy policy) {
		UUID assignee = policy.escalation().assigneeId();
		Mono<Void> agent = (assignee == null) ? Mono.empty() : this.sla.isActiveStaff(policy.tenantId(), assignee)
			.flatMap((active) -> active ? Mono.<Void>empty() : Mono.error(ProblemException.invalid(
					"The escalation names an unknown agent.",
					List.of(new FieldError("escalation.assigneeId", "no such active agent or admin in this tenant")))));
		return agent.then(this.sla.lockPolicies(policy.tenantId()))
			.thenMany(this.sla.policies(policy.tenantId()))
			.filter((other) -> !other.id().equals(policy.id()))
			.collectList()
			.flatMap((others) -> {
				for (SlaPolicy other : others) {
					if (other.position() == policy.position()) {
						return Mono.error(ProblemException.conflict("Policy '" + other.name() + "' already has order "
								+ policy.position() + "; give each policy its own order."));
					}
					if (other.sameCriteria(policy)) {
						return Mono.error(ProblemException.conflict("Policy '" + other.name()
								+ "' already covers the same priorities, category and tags."));
					}
				}
				return (others.size() >= MAX_POLICIES)
						? Mono.error(ProblemException.conflict("A tenant has at most " + MAX_POLICIES + " policies."))
						: Mono.empty();
			});
	}

	private <T> Mono<T> inTenant(Caller admin, Supplier<Mono<T>> work) {
		requireAdmin(admin);
		return this.transactions.inTenant(admin.tenantId(), work);
	}

	// the security configuration lets any signed-in user reach /api/admin/sla: check here
	private static void requireAdmin(Caller caller) {
		if (caller.role() != Role.ADMIN) {
			throw ProblemException.forbidden("Only admins manage SLA calendars and policies.");
		}
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
