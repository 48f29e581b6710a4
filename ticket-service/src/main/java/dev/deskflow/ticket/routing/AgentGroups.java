package dev.deskflow.ticket.routing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The use cases of agent groups and availability. Saving a group or making an agent
 * available routes the waiting tickets it can now take, in the same transaction.
 */
@Component
public class AgentGroups {

	/** The most groups a tenant lists at once. */
	static final int MAX_GROUPS = 200;

	private final GroupRepository groups;

	private final TenantTransactions transactions;

	private final Router router;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	AgentGroups(GroupRepository groups, TenantTransactions transactions, Router router) {
		this.groups = groups;
		this.transactions = transactions;
		this.router = router;
	}

	/** A group as an admin writes it. */
	record GroupRequest(String name, RoutingMode routing, Integer capacity, List<UUID> members) {
	}

	/**
	 * Checks that a group a rule names (macro, trigger) exists; call it inside the
	 * caller's transaction.
	 * @param tenantId the tenant
	 * @param groupId the group, or {@code null} when the rule names none
	 * @param field the request field that names it
	 * @return completes when it exists; a 400 problem naming the field otherwise
	 */
	public Mono<Void> requireGroup(UUID tenantId, UUID groupId, String field) {
		if (groupId == null) {
			return Mono.empty();
		}
		return this.groups.find(tenantId, groupId)
			.hasElement()
			.flatMap((exists) -> exists ? Mono.<Void>empty()
					: Mono.error(ProblemException.invalid("The rule names an unknown group.",
							List.of(new FieldError(field, "no such agent group in this tenant")))));
	}

	Mono<AgentGroup> create(Caller caller, GroupRequest request) {
		Instant now = now();
		return save(caller, request, (members) -> {
			AgentGroup group = new AgentGroup(this.ids.generate(), caller.tenantId(), request.name().strip(),
					request.routing(), request.capacity(), null, members, now, now);
			return this.groups.insert(group).thenReturn(group.id());
		});
	}

	Mono<AgentGroup> replace(Caller caller, UUID id, GroupRequest request) {
		return save(caller, request,
				(members) -> this.groups
					.update(new AgentGroup(id, caller.tenantId(), request.name().strip(), request.routing(),
							request.capacity(), null, members, now(), now()))
					.flatMap((updated) -> updated ? Mono.just(id) : Mono.error(notFound(id))));
	}

	Mono<Void> delete(Caller caller, UUID id) {
		return this.transactions
			.inTenant(caller.tenantId(),
					() -> this.groups.lockRouting(caller.tenantId()).then(this.groups.delete(caller.tenantId(), id)))
			.flatMap((deleted) -> deleted ? Mono.<Void>empty() : Mono.error(notFound(id)));
	}

	Mono<AgentGroup> read(Caller caller, UUID id) {
		return this.transactions.inTenant(caller.tenantId(), () -> this.groups.find(caller.tenantId(), id))
			.switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	Flux<AgentGroup> list(Caller caller) {
		return this.transactions.inTenantMany(caller.tenantId(), () -> this.groups.list(caller.tenantId(), MAX_GROUPS));
	}

	Mono<Availability> availability(Caller caller, UUID agentId) {
		return this.transactions.inTenant(caller.tenantId(),
				() -> requireAgent(caller, agentId).then(this.groups.availability(caller.tenantId(), agentId)));
	}

	Mono<Availability> setAvailability(Caller caller, UUID agentId, Availability availability) {
		return this.transactions.inTenant(caller.tenantId(), () -> requireAgent(caller, agentId)
			.then(this.groups.setAvailability(caller.tenantId(), agentId, availability, now()))
			.then((availability == Availability.ONLINE) ? this.router.routeGroupsOf(caller, agentId) : Mono.empty())
			.thenReturn(availability));
	}

	private Mono<Void> requireAgent(Caller caller, UUID agentId) {
		return this.groups.activeStaff(caller.tenantId(), List.of(agentId))
			.hasElements()
			.flatMap((found) -> found ? Mono.<Void>empty() : Mono.error(ProblemException.notFound("Agent " + agentId)));
	}

	private Mono<AgentGroup> save(Caller caller, GroupRequest request, Function<List<UUID>, Mono<UUID>> write) {
		List<UUID> members = validate(request);
		return this.transactions.inTenant(caller.tenantId(),
				// routing's lock before the group row, in the order routing takes them
				() -> this.groups.lockRouting(caller.tenantId())
					.thenMany(this.groups.activeStaff(caller.tenantId(), members))
					.collectList()
					.flatMap((staff) -> {
						List<UUID> unknown = members.stream().filter((member) -> !staff.contains(member)).toList();
						if (!unknown.isEmpty()) {
							return Mono
								.error(ProblemException.invalid("The group names users who are not active agents.",
										List.of(new FieldError("members",
												"not active agents or admins of this tenant: " + unknown))));
						}
						return write.apply(members);
					})
					.flatMap((id) -> this.router.routeGroup(caller, id).then(this.groups.find(caller.tenantId(), id))))
			.onErrorMap(DataIntegrityViolationException.class, (ex) -> ProblemException
				.conflict("The tenant already has a group named " + request.name().strip()));
	}

	private static List<UUID> validate(GroupRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.name() == null || request.name().isBlank() || request.name().strip().length() > 100) {
			errors.add(new FieldError("name", "1 to 100 characters"));
		}
		if (request.routing() == null) {
			errors.add(new FieldError("routing", "ROUND_ROBIN or LEAST_LOADED"));
		}
		if (request.capacity() == null || request.capacity() < 1 || request.capacity() > 1000) {
			errors.add(new FieldError("capacity", "the most open tickets per agent, 1 to 1000"));
		}
		if (request.members() == null || request.members().size() > 100 || request.members().contains(null)) {
			errors.add(new FieldError("members", "a list of at most 100 agent ids"));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The group has invalid fields.", errors);
		}
		return List.copyOf(new LinkedHashSet<>(request.members()));
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.notFound("Group " + id);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
