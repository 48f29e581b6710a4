package dev.deskflow.ticket.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group of agents that tickets are assigned to.
 *
 * @param id the group
 * @param tenantId its tenant
 * @param name its name, unique in the tenant whatever the case
 * @param routing how it picks agents
 * @param capacity the most open tickets routing assigns each member
 * @param lastAgentId the member routing assigned last, or {@code null}
 * @param members the member agents' ids
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record AgentGroup(UUID id, UUID tenantId, String name, RoutingMode routing, int capacity, UUID lastAgentId,
		List<UUID> members, Instant createdAt, Instant updatedAt) {

	AgentGroup assignedLast(UUID agentId) {
		return new AgentGroup(this.id, this.tenantId, this.name, this.routing, this.capacity, agentId, this.members,
				this.createdAt, this.updatedAt);
	}

}
