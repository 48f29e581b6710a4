package dev.deskflow.ticket.sla;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.sla.SlaViews.CalendarView;
import dev.deskflow.ticket.sla.SlaViews.PolicyView;
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
 * {@code /api/admin/sla}: the tenant's business calendar and SLA policies (admins only).
 */
@RestController
@RequestMapping("/api/admin/sla")
@Tag(name = "SLA")
@SecurityRequirement(name = "bearer")
class SlaAdminController {

	private final SlaAdministration administration;

	SlaAdminController(SlaAdministration administration) {
		this.administration = administration;
	}

	/** The policies of the tenant, in order. */
	record PolicyList(List<PolicyView> items) {
	}

	@GetMapping("/calendar")
	@Operation(summary = "The business calendar", description = "404 when the tenant has none (it counts 24x7).")
	Mono<CalendarView> calendar() {
		return Caller.current().flatMap(this.administration::calendar).map(CalendarView::of);
	}

	@PutMapping("/calendar")
	@Operation(summary = "Set the business calendar",
			description = "zone (IANA), hours per weekday as HH:mm-HH:mm windows (end may be 24:00, no overlaps), "
					+ "holidays as YYYY-MM-DD. Applies to each ticket's clocks from its next write.")
	Mono<CalendarView> saveCalendar(@RequestBody CalendarRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.administration.saveCalendar(caller, request))
			.map(CalendarView::of);
	}

	@DeleteMapping("/calendar")
	@Operation(summary = "Remove the business calendar (back to 24x7)")
	Mono<ResponseEntity<Void>> deleteCalendar() {
		return Caller.current()
			.flatMap(this.administration::deleteCalendar)
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

	@GetMapping("/policies")
	@Operation(summary = "The SLA policies, by order")
	Mono<PolicyList> policies() {
		return Caller.current()
			.flatMapMany(this.administration::policies)
			.map(PolicyView::of)
			.collectList()
			.map(PolicyList::new);
	}

	@PostMapping("/policies")
	@Operation(summary = "Create an SLA policy",
			description = "409 when another policy has the same order or the same priorities, category and tags.")
	Mono<ResponseEntity<PolicyView>> create(@RequestBody PolicyRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.administration.create(caller, request))
			.map((policy) -> ResponseEntity.created(URI.create("/api/admin/sla/policies/" + policy.id()))
				.body(PolicyView.of(policy)));
	}

	@GetMapping("/policies/{id}")
	@Operation(summary = "An SLA policy")
	Mono<PolicyView> policy(@PathVariable UUID id) {
		return Caller.current().flatMap((caller) -> this.administration.policy(caller, id)).map(PolicyView::of);
	}

	@PutMapping("/policies/{id}")
	@Operation(summary = "Replace an SLA policy", description = "Applies to each ticket from its next write.")
	Mono<PolicyView> replace(@PathVariable UUID id, @RequestBody PolicyRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.administration.replace(caller, id, request))
			.map(PolicyView::of);
	}

	@DeleteMapping("/policies/{id}")
	@Operation(summary = "Delete an SLA policy", description = "Its tickets' clocks go with it.")
	Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
		return Caller.current()
			.flatMap((caller) -> this.administration.delete(caller, id))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

}
