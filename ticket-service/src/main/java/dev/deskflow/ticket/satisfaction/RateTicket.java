package dev.deskflow.ticket.satisfaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import dev.deskflow.ticket.ticket.TicketHistory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Rating a ticket: only its requester, only once it is solved or closed, only once. The
 * rating and its history entry commit together.
 */
@Component
class RateTicket {

	private static final Set<String> RATEABLE = Set.of("SOLVED", "CLOSED");

	private final RatingRepository ratings;

	private final TenantTransactions transactions;

	private final TicketHistory history;

	RateTicket(RatingRepository ratings, TenantTransactions transactions, TicketHistory history) {
		this.ratings = ratings;
		this.transactions = transactions;
		this.history = history;
	}

	Mono<Rating> rate(Caller caller, UUID ticketId, Score score, String comment) {
		return this.transactions.inTenant(caller.tenantId(), () -> visible(caller, ticketId).flatMap((ticket) -> {
			if (!ticket.requesterId().equals(caller.userId())) {
				return Mono.error(ProblemException.forbidden("Only the ticket's requester rates it."));
			}
			if (!RATEABLE.contains(ticket.status())) {
				return Mono.error(ProblemException
					.conflict("The ticket is " + ticket.status() + "; it can be rated once it is solved."));
			}
			Rating rating = new Rating(ticketId, caller.tenantId(), caller.userId(), ticket.assigneeId(), score,
					(comment == null || comment.isBlank()) ? null : comment.strip(),
					Instant.now().truncatedTo(ChronoUnit.MICROS));
			return this.ratings.insert(rating)
				.flatMap((written) -> written
						? this.history
							.record(rating.tenantId(), ticketId, rating.raterId(), "rated",
									Map.of("score", score.name()), rating.ratedAt())
							.thenReturn(rating)
						: Mono.error(ProblemException.conflict("The ticket was already rated; a rating is final.")));
		}));
	}

	Mono<Rating> read(Caller caller, UUID ticketId) {
		return this.transactions.inTenant(caller.tenantId(),
				() -> visible(caller, ticketId).flatMap((ticket) -> this.ratings.find(caller.tenantId(), ticketId))
					.switchIfEmpty(Mono.error(() -> ProblemException.notFound("A rating of ticket " + ticketId))));
	}

	// Another customer's ticket answers 404, like one that does not exist.
	private Mono<RatingRepository.RatedTicket> visible(Caller caller, UUID ticketId) {
		return this.ratings.ticket(caller.tenantId(), ticketId)
			.filter((ticket) -> caller.isStaff() || ticket.requesterId().equals(caller.userId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Ticket " + ticketId)));
	}

}
