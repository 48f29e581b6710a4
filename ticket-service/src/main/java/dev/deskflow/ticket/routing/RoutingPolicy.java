package dev.deskflow.ticket.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which available member gets a group's next ticket. Members are taken in turn starting
 * after the one assigned last, so round robin cycles through everyone and least-loaded
 * spreads ties; members at capacity are passed over.
 */
final class RoutingPolicy {

	private RoutingPolicy() {
	}

	/**
	 * An available member and how many open tickets they hold.
	 *
	 * @param agentId the agent
	 * @param load their open assigned tickets
	 */
	record Candidate(UUID agentId, long load) {
	}

	/**
	 * @param group the group
	 * @param candidates its available members
	 * @return the agent to assign, or empty when every member is at capacity
	 */
	static Optional<UUID> pick(AgentGroup group, List<Candidate> candidates) {
		List<Candidate> inTurn = inTurn(candidates, group.lastAgentId());
		List<Candidate> free = inTurn.stream().filter((candidate) -> candidate.load() < group.capacity()).toList();
		Optional<Candidate> chosen = (group.routing() == RoutingMode.ROUND_ROBIN) ? free.stream().findFirst()
				: free.stream().min(Comparator.comparingLong(Candidate::load));
		return chosen.map(Candidate::agentId);
	}

	private static List<Candidate> inTurn(List<Candidate> unordered, UUID last) {
		List<Candidate> candidates = unordered.stream().sorted(Comparator.comparing(Candidate::agentId)).toList();
		int start = 0;
		if (last != null) {
			while (start < candidates.size() && candidates.get(start).agentId().compareTo(last) <= 0) {
				start++;
			}
		}
		List<Candidate> rotated = new ArrayList<>(candidates.subList(start, candidates.size()));
		rotated.addAll(candidates.subList(0, start));
		return rotated;
	}

}
