package dev.deskflow.ticket.routing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.ticket.routing.AgentGroups.GroupRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/groups}: the tenant's agent groups (admins write, agents read).
 */
@RestController
@RequestMapping("/api/admin/groups")
@Tag(name = "Groups and routing")
@SecurityRequirement(name = "bearer")
class GroupController {

	private final AgentGroups groups;

	GroupController(AgentGroups groups) {
		this.groups = groups;
	}

	/** A group as the API shows it. */
	record GroupView(UUID id, String name, RoutingMode routing, int capacity, List<UUID> members, Instant createdAt,
			Instant updatedAt) {

		static GroupView of(AgentGroup group) {
			return new GroupView(group.id(), group.name(), group.routing(), group.capacity(), group.members(),
					group.createdAt(), group.updatedAt());
		}

	}

	/** The tenant's groups, by name. */
	record GroupList(List<GroupView> items) {
	}

	@PostMapping
	@Operation(summary = "Create an agent group",
			description = "{name, routing: ROUND_ROBIN|LEAST_LOADED, capacity: most open tickets per agent (1-1000), "
					+ "members: active agent or admin ids}. Waiting tickets of the group are routed at once.")
	Mono<ResponseEntity<GroupView>> create(@RequestBody GroupRequest request) {
		return Roles.admin()
			.flatMap((caller) -> this.groups.create(caller, request))
			.map((group) -> ResponseEntity.created(URI.create("/api/admin/groups/" + group.id()))
				.body(GroupView.of(group)));
	}

	@GetMapping
	@Operation(summary = "List the agent groups (agents and admins)")
	Mono<GroupList> list() {
		return Roles.staff().flatMapMany(this.groups::list).map(GroupView::of).collectList().map(GroupList::new);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an agent group (agents and admins)")
	Mono<GroupView> read(@PathVariable UUID id) {
		return Roles.staff().flatMap((caller) -> this.groups.read(caller, id)).map(GroupView::of);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an agent group", description = "The same fields as creating it.")
	Mono<GroupView> replace(@PathVariable UUID id, @RequestBody GroupRequest request) {
		return Roles.admin().flatMap((caller) -> this.groups.replace(caller, id, request)).map(GroupView::of);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an agent group", description = "Its tickets keep their agents and lose the group.")
	Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
		return Roles.admin()
			.flatMap((caller) -> this.groups.delete(caller, id))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

}
