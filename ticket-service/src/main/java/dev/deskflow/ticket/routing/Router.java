package dev.deskflow.ticket.routing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.ticket.AutomatedChanges;
import dev.deskflow.ticket.ticket.Automation;
import dev.deskflow.ticket.ticket.Ticket;
import dev.deskflow.ticket.ticket.TicketAutomation;
import dev.deskflow.ticket.ticket.TicketWrite;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Automatic assignment. After every ticket write (in its transaction) it routes the
 * ticket's group when the ticket waits there without an agent, and the groups of an agent
 * whose capacity the write freed (a ticket solved, closed or reassigned). Routing a group
 * assigns its waiting tickets, most urgent and oldest first, to available members with
 * spare capacity until either runs out. Runs after the triggers, so a trigger's group is
 * routed in the same write.
 */
@Component
@Order(200)
class Router implements TicketAutomation {

	/** Assignments one routing pass makes at most, so one write stays short. */
	static final int MAX_ASSIGNMENTS = 50;

	private final GroupRepository groups;

	private final AutomatedChanges changes;

	Router(GroupRepository groups, AutomatedChanges changes) {
		this.groups = groups;
		this.changes = changes;
	}

	@Override
	public Mono<Boolean> afterWrite(TicketWrite write) {
		if (write.by() != null && write.by().isRouting()) {
			return Mono.just(false); // routing's own assignments route nothing more
		}
		Ticket before = write.before();
		Ticket after = write.after();
		TreeSet<UUID> toRoute = new TreeSet<>();
		if (after.groupId() != null && after.assigneeId() == null && after.isOpen()) {
			toRoute.add(after.groupId());
		}
		boolean freed = before != null && before.assigneeId() != null && before.isOpen()
				&& (!Objects.equals(before.assigneeId(), after.assigneeId()) || !after.isOpen());
		Flux<UUID> freedGroups = freed ? this.groups.groupsOf(after.tenantId(), before.assigneeId()) : Flux.empty();
		return freedGroups.collectList().flatMap((more) -> {
			toRoute.addAll(more);
			return route(write.caller(), toRoute).thenReturn(!toRoute.isEmpty());
		});
	}

	/**
	 * Routes the groups an agent is in, in the caller's transaction (the agent came
	 * online).
	 * @param caller who made the agent available
	 * @param agentId the agent
	 * @return completes when routed
	 */
	Mono<Void> routeGroupsOf(Caller caller, UUID agentId) {
		return this.groups.groupsOf(caller.tenantId(), agentId)
			.collectList()
			.flatMap((ids) -> route(caller, new TreeSet<>(ids)));
	}

	/**
	 * Routes one group in the caller's transaction (it was just saved).
	 * @param caller who saved it
	 * @param groupId the group
	 * @return completes when routed
	 */
	Mono<Void> routeGroup(Caller caller, UUID groupId) {
		return route(caller, new TreeSet<>(List.of(groupId)));
	}

	private Mono<Void> route(Caller caller, TreeSet<UUID> groupIds) {
		if (groupIds.isEmpty()) {
			return Mono.empty();
		}
		return this.groups.lockRouting(caller.tenantId())
			.thenMany(Flux.fromIterable(groupIds))
			.concatMap((groupId) -> this.groups.lock(caller.tenantId(), groupId)
				.flatMap((group) -> assignWaiting(caller, group, MAX_ASSIGNMENTS)))
			.then();
	}

	private Mono<Void> assignWaiting(Caller caller, AgentGroup group, int left) {
		if (left == 0) {
			return Mono.empty();
		}
		UUID tenantId = caller.tenantId();
		return this.groups.nextWaiting(tenantId, group.id())
			.flatMap(
					(ticketId) -> this.groups.candidates(tenantId, group.id())
						.collectList()
						.flatMap((candidates) -> Mono.justOrEmpty(RoutingPolicy.pick(group, candidates)))
						.flatMap(
								(agentId) -> this.changes
									.apply(caller, ticketId, null, Automation.routing(group.id(), group.name()),
											(ticket) -> Mono.just(
													AutomatedChanges.Plan.of(Map.of("assigneeId", agentId.toString()))))
									.then(this.groups.assignedLast(tenantId, group.id(), agentId))
									.then(Mono
										.defer(() -> assignWaiting(caller, group.assignedLast(agentId), left - 1)))));
	}

}
