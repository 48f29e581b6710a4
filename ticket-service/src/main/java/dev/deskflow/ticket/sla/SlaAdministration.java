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
import dev.deskflow.ticket.sla.SlaRepository.VersionedCalendar;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import dev.deskflow.ticket.ticket.IfMatch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The admin's SLA settings: the business calendar and the policies. A policy that would
 * tie with another (same order) or duplicate one (same priorities, category and tags) is
 * refused with 409, so exactly one policy applies to a ticket. Changes apply to each
 * ticket from its next write (creation, priority, category, tags or status change).
 * Replacing or deleting a policy or the calendar needs the version the admin read
 * ({@code If-Match}).
 */
@Component
class SlaAdministration {

	private static final String CALENDAR = "The business calendar";

	/** Policies per tenant, which keeps the list and the matching small. */
	static final int MAX_POLICIES = 100;

	private final SlaRepository sla;

	private final TenantTransactions transactions;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	SlaAdministration(SlaRepository sla, TenantTransactions transactions) {
		this.sla = sla;
		this.transactions = transactions;
	}

	Mono<VersionedCalendar> calendar(Caller admin) {
		return inTenant(admin, () -> storedCalendar(admin, false));
	}

	/**
	 * Creates the calendar (without {@code If-Match}; 428 when the tenant has one) or
	 * replaces the version the admin read (412 when it changed or is gone).
	 */
	Mono<VersionedCalendar> saveCalendar(Caller admin, String ifMatch, CalendarRequest request) {
		requireAdmin(admin);
		Calendar calendar = request.validate();
		if (ifMatch == null) {
			return inTenant(admin,
					() -> this.sla.insertCalendar(admin.tenantId(), calendar, now())
						.flatMap((created) -> created ? Mono.just(new VersionedCalendar(calendar, 0))
								: Mono.error(ProblemException.preconditionRequired())));
		}
		return inTenant(admin,
				() -> this.sla.calendar(admin.tenantId(), true)
					.switchIfEmpty(Mono.error(() -> ProblemException.preconditionFailed(
							"The tenant has no business calendar any more; save it without If-Match to create one.")))
					.flatMap((stored) -> {
						IfMatch.require(ifMatch, stored.version(), CALENDAR);
						VersionedCalendar next = new VersionedCalendar(calendar, stored.version() + 1);
						return this.sla.updateCalendar(admin.tenantId(), next, now()).thenReturn(next);
					}));
	}

	Mono<Void> deleteCalendar(Caller admin, String ifMatch) {
		requireAdmin(admin);
		IfMatch.required(ifMatch);
		return inTenant(admin, () -> storedCalendar(admin, true).flatMap((stored) -> {
			IfMatch.require(ifMatch, stored.version(), CALENDAR);
			return this.sla.deleteCalendar(admin.tenantId());
		})).then();
	}

	private Mono<VersionedCalendar> storedCalendar(Caller admin, boolean lock) {
		return this.sla.calendar(admin.tenantId(), lock)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("A business calendar (the tenant counts 24x7)")));
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

	/**
	 * Replaces the version of the policy the admin read: 428 without {@code If-Match},
	 * 412 when it changed since.
	 */
	Mono<SlaPolicy> replace(Caller admin, UUID id, String ifMatch, PolicyRequest request) {
		requireAdmin(admin);
		IfMatch.required(ifMatch);
		SlaPolicy policy = request.validate(id, admin.tenantId(), admin.userId(), now());
		return inTenant(admin, () -> current(admin, id, ifMatch).flatMap((stored) -> {
			SlaPolicy next = policy.withVersion(stored.version() + 1);
			return checked(next).then(this.sla.updatePolicy(next)).thenReturn(next);
		}));
	}

	Mono<Void> delete(Caller admin, UUID id, String ifMatch) {
		requireAdmin(admin);
		IfMatch.required(ifMatch);
		return inTenant(admin,
				() -> current(admin, id, ifMatch).flatMap((stored) -> this.sla.deletePolicy(admin.tenantId(), id)))
			.then();
	}

	/**
	 * Under the tenant's policy lock (so no other write slips in between): the policy, if
	 * it is still at the version the admin read.
	 */
	private Mono<SlaPolicy> current(Caller admin, UUID id, String ifMatch) {
		return this.sla.lockPolicies(admin.tenantId()).then(found(admin, id)).map((stored) -> {
			IfMatch.require(ifMatch, stored.version(), "The SLA policy");
			return stored;
		});
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
