package dev.deskflow.ticket.sla;

import java.util.UUID;

import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.sla.SlaViews.TicketSlaView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tickets/{id}/sla}: a ticket's SLA clocks.
 */
@RestController
@Tag(name = "SLA")
@SecurityRequirement(name = "bearer")
class TicketSlaController {

	private final SlaReads reads;

	TicketSlaController(SlaReads reads) {
		this.reads = reads;
	}

	@GetMapping("/api/tickets/{id}/sla")
	@Operation(summary = "A ticket's SLA clocks (agents, admins)",
			description = "applies=false when no policy matches the ticket; per target: dueAt, atRiskAt, "
					+ "remainingSeconds (business time), atRisk, breached, paused, stopped. 403 for customers.")
	Mono<TicketSlaView> read(@PathVariable UUID id) {
		return Caller.current().flatMap((caller) -> this.reads.read(caller, id));
	}

}
