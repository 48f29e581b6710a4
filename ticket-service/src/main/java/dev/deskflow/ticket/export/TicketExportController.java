package dev.deskflow.ticket.export;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.ticket.MatchingTickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tickets/export.csv}: every ticket matching the filters of the ticket
 * list, as CSV streamed while it is read (staff only).
 */
@RestController
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
class TicketExportController {

	static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final int BATCH_SIZE = 500;

	private final MatchingTickets tickets;

	TicketExportController(MatchingTickets tickets) {
		this.tickets = tickets;
	}

	@GetMapping(path = "/api/tickets/export.csv")
	@Operation(summary = "Export a ticket list as CSV (agents, admins)",
			description = "The filters and sort of GET /api/tickets (no limit or cursor): every matching ticket, "
					+ "streamed. Cells a spreadsheet would run as formulas are prefixed with '.")
	Mono<ResponseEntity<Flux<String>>> export(@RequestParam MultiValueMap<String, String> params) {
		return Caller.current().map((caller) -> {
			if (!caller.isStaff()) {
				throw ProblemException.forbidden("Only agents and admins export tickets.");
			}
			Flux<String> rows = this.tickets.matching(caller, params, BATCH_SIZE).map(TicketCsv::row);
			return ResponseEntity.ok()
				.contentType(TEXT_CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("tickets.csv").build().toString())
				.body(Flux.just(TicketCsv.header()).concatWith(rows));
		});
	}

}
