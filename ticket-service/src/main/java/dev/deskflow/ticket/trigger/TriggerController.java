package dev.deskflow.ticket.trigger;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.ticket.macro.TicketActions;
import dev.deskflow.ticket.routing.Roles;
import dev.deskflow.ticket.trigger.Triggers.TriggerRequest;
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
 * {@code /api/admin/triggers}: the tenant's triggers, for its admins.
 */
@RestController
@RequestMapping("/api/admin/triggers")
@Tag(name = "Triggers")
@SecurityRequirement(name = "bearer")
class TriggerController {

	private final Triggers triggers;

	TriggerController(Triggers triggers) {
		this.triggers = triggers;
	}

	/** A trigger as the API shows it. */
	record TriggerView(UUID id, String name, TriggerEvent event, boolean active, int position,
			TriggerConditions conditions, TicketActions actions, Instant createdAt, Instant updatedAt) {

		static TriggerView of(Trigger trigger) {
			return new TriggerView(trigger.id(), trigger.name(), trigger.event(), trigger.active(), trigger.position(),
					trigger.conditions(), trigger.actions(), trigger.createdAt(), trigger.updatedAt());
		}

	}

	/** The tenant's triggers in the order they run. */
	record TriggerList(List<TriggerView> items) {
	}

	@PostMapping
	@Operation(summary = "Create a trigger",
			description = "{name, event: CREATED|UPDATED|CREATED_OR_UPDATED, active (default true), position "
					+ "(default last), conditions: {priority, status, channel, category, tags, subjectContains}, "
					+ "actions: {priority, category, addTags, removeTags, groupId}}. Unknown fields and impossible "
					+ "values are 400.")
	Mono<ResponseEntity<TriggerView>> create(@RequestBody TriggerRequest request) {
		return Roles.admin()
			.flatMap((caller) -> this.triggers.create(caller, request))
			.map((trigger) -> ResponseEntity.created(URI.create("/api/admin/triggers/" + trigger.id()))
				.body(TriggerView.of(trigger)));
	}

	@GetMapping
	@Operation(summary = "List the triggers in the order they run")
	Mono<TriggerList> list() {
		return Roles.admin().flatMapMany(this.triggers::list).map(TriggerView::of).collectList().map(TriggerList::new);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a trigger")
	Mono<TriggerView> read(@PathVariable UUID id) {
		return Roles.admin().flatMap((caller) -> this.triggers.read(caller, id)).map(TriggerView::of);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a trigger", description = "Without position it keeps its place.")
	Mono<TriggerView> replace(@PathVariable UUID id, @RequestBody TriggerRequest request) {
		return Roles.admin().flatMap((caller) -> this.triggers.replace(caller, id, request)).map(TriggerView::of);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a trigger")
	Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
		return Roles.admin()
			.flatMap((caller) -> this.triggers.delete(caller, id))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

}
