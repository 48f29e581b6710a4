package dev.deskflow.ticket.macro;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.ticket.macro.Macros.MacroRequest;
import dev.deskflow.ticket.routing.Roles;
import dev.deskflow.ticket.ticket.Ticket;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/macros} (admins write, agents read) and {@code POST
 * /api/tickets/{id}/macros/{macroId}} (agents and admins apply).
 */
@RestController
@Tag(name = "Macros")
@SecurityRequirement(name = "bearer")
class MacroController {

	private static final String MACROS = "/api/admin/macros";

	private final Macros macros;

	MacroController(Macros macros) {
		this.macros = macros;
	}

	/** A macro as the API shows it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MacroView(UUID id, String name, TicketActions actions, Macro.Reply reply, Instant createdAt,
			Instant updatedAt) {

		static MacroView of(Macro macro) {
			return new MacroView(macro.id(), macro.name(), macro.actions(), macro.reply(), macro.createdAt(),
					macro.updatedAt());
		}

	}

	/** The tenant's macros, by name. */
	record MacroList(List<MacroView> items) {
	}

	/** The ticket after a macro, in brief; read it for the whole. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AppliedMacro(UUID ticketId, long version, TicketStatus status, TicketPriority priority, String category,
			List<String> tags, UUID assigneeId, UUID groupId) {

		static AppliedMacro of(Ticket ticket) {
			return new AppliedMacro(ticket.id(), ticket.version(), ticket.status(), ticket.priority(),
					ticket.category(), ticket.tags(), ticket.assigneeId(), ticket.groupId());
		}

	}

	@PostMapping(MACROS)
	@Operation(summary = "Create a macro",
			description = "{name, actions: {status, priority, category, addTags, removeTags, groupId}, "
					+ "reply: {body, internal}}. The reply is a template; its placeholders are "
					+ "{{ticket.id|subject|status|priority|category}}, {{requester.name|email}}, "
					+ "{{agent.name|email}}: any other is refused with 400.")
	Mono<ResponseEntity<MacroView>> create(@RequestBody MacroRequest request) {
		return Roles.admin()
			.flatMap((caller) -> this.macros.create(caller, request))
			.map((macro) -> ResponseEntity.created(URI.create(MACROS + "/" + macro.id())).body(MacroView.of(macro)));
	}

	@GetMapping(MACROS)
	@Operation(summary = "List the macros (agents and admins)")
	Mono<MacroList> list() {
		return Roles.staff().flatMapMany(this.macros::list).map(MacroView::of).collectList().map(MacroList::new);
	}

	@GetMapping(MACROS + "/{id}")
	@Operation(summary = "Read a macro (agents and admins)")
	Mono<MacroView> read(@PathVariable UUID id) {
		return Roles.staff().flatMap((caller) -> this.macros.read(caller, id)).map(MacroView::of);
	}

	@PutMapping(MACROS + "/{id}")
	@Operation(summary = "Replace a macro")
	Mono<MacroView> replace(@PathVariable UUID id, @RequestBody MacroRequest request) {
		return Roles.admin().flatMap((caller) -> this.macros.replace(caller, id, request)).map(MacroView::of);
	}

	@DeleteMapping(MACROS + "/{id}")
	@Operation(summary = "Delete a macro")
	Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
		return Roles.admin()
			.flatMap((caller) -> this.macros.delete(caller, id))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

	@PostMapping("/api/tickets/{id}/macros/{macroId}")
	@Operation(summary = "Apply a macro to a ticket",
			description = "All its actions in one transaction, with the events and history entries "
					+ "(macro-applied, naming the macro) the single changes would write. Needs If-Match "
					+ "(428 without, 412 stale).")
	Mono<ResponseEntity<AppliedMacro>> apply(@PathVariable UUID id, @PathVariable UUID macroId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Roles.staff()
			.flatMap((caller) -> this.macros.apply(caller, id, macroId, ifMatch))
			.map((ticket) -> ResponseEntity.ok().eTag("\"" + ticket.version() + "\"").body(AppliedMacro.of(ticket)));
	}

}
