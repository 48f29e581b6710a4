package dev.deskflow.ticket.sla;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.sla.SlaRepository.VersionedCalendar;
import dev.deskflow.ticket.sla.SlaViews.CalendarView;
import dev.deskflow.ticket.sla.SlaViews.PolicyView;
import dev.deskflow.ticket.ticket.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
	@Operation(summary = "The business calendar",
			description = "404 when the tenant has none (it counts 24x7). The ETag is the version to send as If-Match.")
	Mono<ResponseEntity<CalendarView>> calendar() {
		return Caller.current().flatMap(this.administration::calendar).map(SlaAdminController::calendar);
	}

	@PutMapping("/calendar")
	@Operation(summary = "Set the business calendar",
			description = "zone (IANA), hours per weekday as HH:mm-HH:mm windows (end may be 24:00, no overlaps), "
					+ "holidays as YYYY-MM-DD. Applies to each ticket's clocks from its next write. Without If-Match "
					+ "it creates the calendar (428 when the tenant has one); with If-Match it replaces that version "
					+ "(412 when it changed).")
	Mono<ResponseEntity<CalendarView>> saveCalendar(
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody CalendarRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.administration.saveCalendar(caller, ifMatch, request))
			.map(SlaAdminController::calendar);
	}

	@DeleteMapping("/calendar")
	@Operation(summary = "Remove the business calendar (back to 24x7)",
			description = "Needs If-Match (428 without it, 412 when the calendar changed).")
	Mono<ResponseEntity<Void>> deleteCalendar(
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Caller.current()
			.flatMap((caller) -> this.administration.deleteCalendar(caller, ifMatch))
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
				.eTag(IfMatch.etag(policy.version()))
				.body(PolicyView.of(policy)));
	}

	@GetMapping("/policies/{id}")
	@Operation(summary = "An SLA policy", description = "The ETag (also its version) is what to send as If-Match.")
	Mono<ResponseEntity<PolicyView>> policy(@PathVariable UUID id) {
		return Caller.current()
			.flatMap((caller) -> this.administration.policy(caller, id))
			.map(SlaAdminController::policy);
	}

	@PutMapping("/policies/{id}")
	@Operation(summary = "Replace an SLA policy",
			description = "Applies to each ticket from its next write. Needs If-Match (428 without it, 412 when the "
					+ "policy changed).")
	Mono<ResponseEntity<PolicyView>> replace(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody PolicyRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.administration.replace(caller, id, ifMatch, request))
			.map(SlaAdminController::policy);
	}

	@DeleteMapping("/policies/{id}")
	@Operation(summary = "Delete an SLA policy",
			description = "Its tickets' clocks go with it. Needs If-Match (428 without it, 412 when the policy changed).")
	Mono<ResponseEntity<Void>> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Caller.current()
			.flatMap((caller) -> this.administration.delete(caller, id, ifMatch))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

	private static ResponseEntity<PolicyView> policy(SlaPolicy policy) {
		return ResponseEntity.ok().eTag(IfMatch.etag(policy.version())).body(PolicyView.of(policy));
	}

	private static ResponseEntity<CalendarView> calendar(VersionedCalendar calendar) {
		return ResponseEntity.ok().eTag(IfMatch.etag(calendar.version())).body(CalendarView.of(calendar.calendar()));
	}

}
