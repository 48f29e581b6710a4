package dev.deskflow.ticket.routing;

import java.util.List;
import java.util.UUID;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/agents/{me|id}/availability}: whether routing assigns an agent new tickets.
 * Agents set their own; admins anyone's.
 */
@RestController
@RequestMapping("/api/agents")
@Tag(name = "Groups and routing")
@SecurityRequirement(name = "bearer")
class AvailabilityController {

	private final AgentGroups groups;

	AvailabilityController(AgentGroups groups) {
		this.groups = groups;
	}

	/** An agent's availability. */
	record AvailabilityView(UUID agentId, Availability status) {
	}

	/** A change of availability. */
	record AvailabilityRequest(Availability status) {
	}

	@GetMapping("/me/availability")
	@Operation(summary = "The caller's availability")
	Mono<AvailabilityView> mine() {
		return Roles.staff()
			.flatMap((caller) -> this.groups.availability(caller, caller.userId())
				.map((status) -> new AvailabilityView(caller.userId(), status)));
	}

	@PutMapping("/me/availability")
	@Operation(summary = "Set the caller's availability",
			description = "{status: ONLINE|AWAY}. Coming ONLINE routes the waiting tickets of the caller's groups.")
	Mono<AvailabilityView> setMine(@RequestBody AvailabilityRequest request) {
		return Roles.staff().flatMap((caller) -> set(caller, caller.userId(), request));
	}

	@PutMapping("/{id}/availability")
	@Operation(summary = "Set an agent's availability (admins)")
	Mono<AvailabilityView> set(@PathVariable UUID id, @RequestBody AvailabilityRequest request) {
		return Roles.admin().flatMap((caller) -> set(caller, id, request));
	}

	private Mono<AvailabilityView> set(Caller caller, UUID agentId, AvailabilityRequest request) {
		if (request.status() == null) {
			return Mono.error(ProblemException.invalid("Send the availability.",
					List.of(new FieldError("status", "ONLINE or AWAY"))));
		}
		return this.groups.setAvailability(caller, agentId, request.status())
			.map((status) -> new AvailabilityView(agentId, status));
	}

}
