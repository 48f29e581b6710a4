package dev.deskflow.ticket.ticket;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.idempotency.IdempotencyKeys;
import dev.deskflow.ticket.ticket.TicketViews.CommentView;
import dev.deskflow.ticket.ticket.TicketViews.HistoryView;
import dev.deskflow.ticket.ticket.TicketViews.Page;
import dev.deskflow.ticket.ticket.TicketViews.RaiseTicketRequest;
import dev.deskflow.ticket.ticket.TicketViews.ReplyRequest;
import dev.deskflow.ticket.ticket.TicketViews.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tickets}: tickets, their conversation and history. A ticket another tenant
 * or another customer owns answers 404, like one that does not exist.
 */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
class TicketController {

	private final TicketDesk desk;

	private final TicketSla sla;

	TicketController(TicketDesk desk, TicketSla sla) {
		this.desk = desk;
		this.sla = sla;
	}

	@PostMapping
	@Operation(summary = "Raise a ticket",
			description = "Customers raise tickets for themselves; agents may name the requester and channel. "
					+ "With an Idempotency-Key header (1-100 visible ASCII characters, kept a day) a retry of the "
					+ "same request answers the ticket the first one raised, with Idempotent-Replayed: true; the "
					+ "same key with another body is refused with 409.")
	Mono<ResponseEntity<TicketView>> raise(
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody RaiseTicketRequest request) {
		return Caller.current().flatMap((caller) -> this.desk.raise(caller, request, idempotencyKey)).map((raised) -> {
			Ticket ticket = raised.value();
			ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/tickets/" + ticket.id()))
				.eTag(ticket.etag());
			if (raised.replayed()) {
				created.header(IdempotencyKeys.REPLAYED_HEADER, "true");
			}
			return created.body(TicketView.of(ticket));
		});
	}

	@GetMapping
	@Operation(summary = "List tickets",
			description = "Filters: status, priority (comma-separated), category, assignee (me, none or an id), tag, "
					+ "requester, createdFrom, createdTo (ISO-8601), q (full text over subject, description and public "
					+ "replies), sla (breached or at-risk: staff queue views of open SLA clocks); sort: -created "
					+ "(default), created, -updated, updated; limit 1-100 (default 25); "
					+ "cursor from the previous page's nextCursor. Staff see each item's SLA clocks (sla).")
	Mono<Page<TicketView>> list(@RequestParam MultiValueMap<String, String> params) {
		return Caller.current()
			.flatMap((caller) -> this.desk
				.list(caller, TicketQuery.parse(caller.tenantId(), caller.userId(), caller.isStaff(), params))
				.flatMap((page) -> this.sla.views(caller, page.items().stream().map(Ticket::id).toList())
					.map((clocks) -> new Page<>(page.items()
						.stream()
						.map((ticket) -> TicketView.of(ticket, clocks.get(ticket.id())))
						.toList(), page.nextCursor()))));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a ticket",
			description = "The ETag header carries the version to send as If-Match. Staff also see the SLA clocks (sla).")
	Mono<ResponseEntity<TicketView>> read(@PathVariable UUID id) {
		return Caller.current()
			.flatMap((caller) -> this.desk.read(caller, id)
				.flatMap((ticket) -> this.sla.view(caller, id)
					.map((sla) -> TicketView.of(ticket, sla))
					.defaultIfEmpty(TicketView.of(ticket))
					.map((view) -> ResponseEntity.ok().eTag(ticket.etag()).body(view))));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a ticket",
			description = "Fields: status, priority, category, tags, assigneeId (null unassigns). Needs If-Match "
					+ "(428 without it, 412 when the ticket changed). Customers may only reopen or close a solved ticket.")
	Mono<ResponseEntity<TicketView>> change(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Map<String, Object> patch) {
		return Caller.current()
			.flatMap((caller) -> this.desk.change(caller, id, ifMatch, patch))
			.map((ticket) -> ResponseEntity.ok().eTag(ticket.etag()).body(TicketView.of(ticket)));
	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "Reply, or add an internal note",
			description = "internal=true is for agents and admins only. With If-Match, a reply composed against an "
					+ "older version of the ticket is refused with 412.")
	Mono<ResponseEntity<CommentView>> reply(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ReplyRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.desk.reply(caller, id, ifMatch, request))
			.map((comment) -> ResponseEntity.created(URI.create("/api/tickets/" + id + "/comments/" + comment.id()))
				.body(CommentView.of(comment)));
	}

	@GetMapping("/{id}/comments")
	@Operation(summary = "The conversation, oldest first",
			description = "Customers see public replies only; limit 1-100, cursor from nextCursor.")
	Mono<Page<CommentView>> conversation(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int size = limit(limit);
		return Caller.current()
			.flatMap((caller) -> this.desk.conversation(caller, id, Keyset.decode(cursor), size + 1).collectList())
			.map((comments) -> page(comments, size, Comment::position, CommentView::of));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed what, when",
			description = "Customers do not see entries about internal notes; limit 1-100, cursor from nextCursor.")
	Mono<Page<HistoryView>> history(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int size = limit(limit);
		return Caller.current()
			.flatMap((caller) -> this.desk.history(caller, id, Keyset.decode(cursor), size + 1).collectList())
			.map((entries) -> page(entries, size, HistoryEntry::position, (entry) -> new HistoryView(entry.id(),
					entry.actorId(), entry.action(), this.desk.changesOf(entry), entry.createdAt())));
	}

	private static int limit(Integer limit) {
		if (limit == null) {
			return TicketQuery.DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > TicketQuery.MAX_LIMIT) {
			throw ProblemException.invalid("The list has invalid parameters.",
					List.of(new FieldError("limit", "a number from 1 to " + TicketQuery.MAX_LIMIT)));
		}
		return limit;
	}

	private static <T, V> Page<V> page(List<T> rows, int size, java.util.function.Function<T, Keyset> position,
			java.util.function.Function<T, V> view) {
		boolean more = rows.size() > size;
		List<T> page = more ? rows.subList(0, size) : rows;
		return new Page<>(page.stream().map(view).toList(),
				more ? position.apply(page.get(page.size() - 1)).encode() : null);
	}

}
