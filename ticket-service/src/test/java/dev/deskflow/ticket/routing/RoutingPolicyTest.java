package dev.deskflow.ticket.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.ticket.routing.RoutingPolicy.Candidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPolicyTest {

	static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

	@Test
	void roundRobinContinuesAfterTheLastAssignedAndWrapsAround() {
		List<Candidate> members = List.of(new Candidate(C, 0), new Candidate(A, 0), new Candidate(B, 0));
		assertThat(RoutingPolicy.pick(group(RoutingMode.ROUND_ROBIN, 5, null), members)).contains(A);
		assertThat(RoutingPolicy.pick(group(RoutingMode.ROUND_ROBIN, 5, A), members)).contains(B);
		assertThat(RoutingPolicy.pick(group(RoutingMode.ROUND_ROBIN, 5, C), members)).contains(A);
	}

	@Test
	void membersAtCapacityArePassedOver() {
		List<Candidate> members = List.of(new Candidate(A, 2), new Candidate(B, 1), new Candidate(C, 2));
		assertThat(RoutingPolicy.pick(group(RoutingMode.ROUND_ROBIN, 2, null), members)).contains(B);
		assertThat(RoutingPolicy.pick(group(RoutingMode.ROUND_ROBIN, 1, null), members)).isEmpty();
		assertThat(RoutingPolicy.pick(group(RoutingMode.LEAST_LOADED, 2, null), List.of())).isEmpty();
	}

	@Test
	void leastLoadedTakesTheFewestOpenTicketsAndBreaksTiesInTurn() {
		List<Candidate> members = List.of(new Candidate(A, 3), new Candidate(B, 1), new Candidate(C, 1));
		assertThat(RoutingPolicy.pick(group(RoutingMode.LEAST_LOADED, 10, null), members)).contains(B);
		assertThat(RoutingPolicy.pick(group(RoutingMode.LEAST_LOADED, 10, B), members)).contains(C);
	}

	private static AgentGroup group(RoutingMode mode, int capacity, UUID last) {
		return new AgentGroup(UUID.randomUUID(), UUID.randomUUID(), "g", mode, capacity, last, List.of(), Instant.now(),
				Instant.now());
	}

}
