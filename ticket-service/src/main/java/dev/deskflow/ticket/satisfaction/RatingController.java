package dev.deskflow.ticket.satisfaction;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deskflow.ticket.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tickets/{id}/rating}: the requester's satisfaction rating of a solved
 * ticket.
 */
@RestController
@RequestMapping("/api/tickets/{id}/rating")
@Tag(name = "Satisfaction")
@SecurityRequirement(name = "bearer")
class RatingController {

	private final RateTicket rateTicket;

	RatingController(RateTicket rateTicket) {
		this.rateTicket = rateTicket;
	}

	/** A rating: {@code GOOD} or {@code BAD}, with an optional comment. */
	record RateRequest(@NotNull Score score, @Size(max = 2000) String comment) {
	}

	/** A rating as its readers see it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RatingView(UUID ticketId, Score score, String comment, UUID raterId, UUID agentId, Instant ratedAt) {

		static RatingView of(Rating rating) {
			return new RatingView(rating.ticketId(), rating.score(), rating.comment(), rating.raterId(),
					rating.agentId(), rating.ratedAt());
		}

	}

	@PostMapping
	@Operation(summary = "Rate a solved ticket (its requester, once)",
			description = "409 when the ticket is not solved or closed, or was already rated; 403 for staff; 404 for "
					+ "another customer's ticket.")
	Mono<ResponseEntity<RatingView>> rate(@PathVariable UUID id, @Valid @RequestBody RateRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.rateTicket.rate(caller, id, request.score(), request.comment()))
			.map((rating) -> ResponseEntity.created(URI.create("/api/tickets/" + id + "/rating"))
				.body(RatingView.of(rating)));
	}

	@GetMapping
	@Operation(summary = "The ticket's rating", description = "404 when it is not rated yet.")
	Mono<RatingView> read(@PathVariable UUID id) {
		return Caller.current().flatMap((caller) -> this.rateTicket.read(caller, id)).map(RatingView::of);
	}

}
