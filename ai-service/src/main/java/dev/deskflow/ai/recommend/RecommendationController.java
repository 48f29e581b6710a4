package dev.deskflow.ai.recommend;

import java.util.UUID;

import dev.deskflow.ai.corpus.Corpus;
import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.recommend.RecommendationViews.DraftRequest;
import dev.deskflow.ai.recommend.RecommendationViews.FeedbackCounts;
import dev.deskflow.ai.recommend.RecommendationViews.FeedbackRequest;
import dev.deskflow.ai.recommend.RecommendationViews.Recommendations;
import dev.deskflow.common.event.RecommendationKind;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.support.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/ai}: similar solved tickets, articles and suggestions for a ticket or a
 * draft, and feedback on them. The tenant and role come from the token only; a ticket of
 * another tenant, or of another customer, answers 404 like one that does not exist.
 */
@RestController
@RequestMapping("/api/ai")
@Tag(name = "Recommendations")
@SecurityRequirement(name = "bearer")
class RecommendationController {

	private final Corpus corpus;

	private final TenantIndexes indexes;

	private final Recommender recommender;

	private final Feedback feedback;

	RecommendationController(Corpus corpus, TenantIndexes indexes, Recommender recommender, Feedback feedback) {
		this.corpus = corpus;
		this.indexes = indexes;
		this.recommender = recommender;
		this.feedback = feedback;
	}

	@GetMapping("/tickets/{id}/recommendations")
	@Operation(summary = "What may help with a ticket",
			description = "Staff: similar solved tickets with their resolution, matching articles, suggested category "
					+ "and priority. A customer, for their own ticket: published articles only.")
	Mono<Recommendations> forTicket(@PathVariable UUID id) {
		return AuthenticatedUser.current()
			.flatMap((user) -> ticket(user, id).flatMap((ticket) -> this.indexes.snapshot(user.tenant().value())
				.map((snapshot) -> this.recommender.recommend(snapshot, id, ticket.text(), user.isStaff()))));
	}

	@PostMapping("/suggestions")
	@Operation(summary = "What may help with a draft",
			description = "text: 1 to " + RecommendationViews.MAX_TEXT_CHARS + " characters (400 beyond; a body "
					+ "over 256 KB is refused with 413). Customers get published articles only.")
	Mono<Recommendations> forDraft(@Valid @RequestBody DraftRequest request) {
		return AuthenticatedUser.current()
			.flatMap((user) -> this.indexes.snapshot(user.tenant().value())
				.map((snapshot) -> this.recommender.recommend(snapshot, null, request.text(), user.isStaff())));
	}

	@PostMapping("/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Say whether a recommendation helped",
			description = "Answers the item's helpful / not helpful counts. An item or ticket the caller cannot see "
					+ "answers 404.")
	Mono<FeedbackCounts> feedback(@Valid @RequestBody FeedbackRequest request) {
		return AuthenticatedUser.current().flatMap((user) -> {
			Mono<CorpusDocument> ticket = (request.ticketId() != null) ? ticket(user, request.ticketId())
					: Mono.empty();
			return ticket.then(item(user, request)).then(this.feedback.record(user, request));
		});
	}

	private Mono<CorpusDocument> ticket(AuthenticatedUser user, UUID id) {
		return this.corpus.find(user.tenant().value(), id)
			.filter((document) -> document.kind() == RecommendationKind.TICKET
					&& (user.isStaff() || user.userId().equals(document.requesterId())))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Ticket " + id)));
	}

	private Mono<CorpusDocument> item(AuthenticatedUser user, FeedbackRequest request) {
		// customers were only ever shown articles
		return this.corpus.find(user.tenant().value(), request.itemId())
			.filter((document) -> document.kind() == request.itemKind() && document.retrievable()
					&& (user.isStaff() || document.kind() == RecommendationKind.ARTICLE))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Recommended item " + request.itemId())));
	}

}
