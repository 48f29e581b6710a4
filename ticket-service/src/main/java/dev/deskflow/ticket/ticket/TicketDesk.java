package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.TicketAssigned;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketCommented;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.event.TicketUpdated;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.idempotency.IdempotencyKeys;
import dev.deskflow.ticket.outbox.OutboxWriter;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import dev.deskflow.ticket.ticket.TicketViews.RaiseTicketRequest;
import dev.deskflow.ticket.ticket.TicketViews.ReplyRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The ticket use cases: raise, read, list, change (with {@code If-Match}), reply, and the
 * conversation and history. Each runs in one tenant-bound transaction that writes the
 * change, its audit entry and its events (outbox) together.
 */
@Component
class TicketDesk {

	private static final String SOURCE = "/ticket-service";

	private static final Set<String> CHANGEABLE = Set.of("status", "priority", "category", "tags", "assigneeId",
			"groupId");

	private final TicketRepository tickets;

	private final TenantTransactions transactions;

	private final OutboxWriter outbox;

	private final JsonMapper json;

	private final IdempotencyKeys idempotency;

	/**
	 * The automations in order, looked up once: they depend on this desk, so they are
	 * found after it is built, and a lookup per write would cost the bean factory's
	 * search every time.
	 */
	private final SingletonSupplier<List<TicketAutomation>> automations;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	TicketDesk(TicketRepository tickets, TenantTransactions transactions, OutboxWriter outbox, JsonMapper json,
			IdempotencyKeys idempotency, ObjectProvider<TicketAutomation> automations) {
		this.idempotency = idempotency;
		this.automations = SingletonSupplier.of(() -> automations.orderedStream().toList());
		this.tickets = tickets;
		this.transactions = transactions;
		this.outbox = outbox;
		this.json = json;
	}

	/**
	 * Raises a ticket, once per idempotency key.
	 * @param caller who raises it
	 * @param request the ticket
	 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
	 * @return the ticket, and whether an earlier request with the key raised it
	 */
	Mono<IdempotencyKeys.Outcome<Ticket>> raise(Caller caller, RaiseTicketRequest request, String idempotencyKey) {
		List<FieldError> errors = new ArrayList<>();
		UUID requester = caller.userId();
		TicketChannel channel = TicketChannel.WEB;
		if (caller.isStaff()) {
			requester = Objects.requireNonNullElse(request.requesterId(), caller.userId());
			channel = Objects.requireNonNullElse(request.channel(), TicketChannel.PHONE);
		}
		else {
			if (request.requesterId() != null && !request.requesterId().equals(caller.userId())) {
				errors.add(new FieldError("requesterId", "customers raise tickets for themselves only"));
			}
			if (request.channel() != null && request.channel() != TicketChannel.WEB) {
				errors.add(new FieldError("channel", "customers raise tickets on the web channel"));
			}
			if (request.groupId() != null) {
				errors.add(new FieldError("groupId", "agents and admins choose the group"));
			}
		}
		if (!errors.isEmpty()) {
			return Mono.error(ProblemException.invalid("The ticket has invalid fields.", errors));
		}
		Instant now = now();
		Ticket ticket = new Ticket(this.ids.generate(), caller.tenantId(), request.subject().strip(),
				request.description(), TicketStatus.NEW,
				Objects.requireNonNullElse(request.priority(), TicketPriority.NORMAL), blankToNull(request.category()),
				tags(request.tags()), requester, null, request.groupId(), channel, now, now, null, null, 0);
		return this.transactions.inTenant(caller.tenantId(), () -> this.idempotency.once(caller.tenantId(),
				caller.userId(), idempotencyKey, "ticket", () -> this.json.writeValueAsString(request),
				() -> requireGroup(caller, request.groupId())
					.then(this.outbox.append(
							envelope(caller,
									new TicketCreated(ticket.id(), ticket.requesterId(), ticket.subject(),
											ticket.description(), ticket.status(), ticket.priority(), ticket.category(),
											ticket.tags(), ticket.channel(), ticket.createdAt())),
							this.tickets.inserting(ticket, history(caller, ticket, "created", Map.of(), false))))
					// nothing written: the requester is not an active user of the tenant
					.flatMap((written) -> written ? Mono.<Void>empty() : Mono.error(unknownUser("requesterId", false)))
					.then((ticket.groupId() != null) ? publish(caller,
							new TicketAssigned(ticket.id(), null, ticket.groupId(), caller.userId(),
									ticket.createdAt()))
							: Mono.empty())
					.then(automate(new TicketWrite(caller, null, ticket, null)))
					.flatMap((changed) -> changed ? visible(caller, ticket.id(), false) : Mono.just(ticket)),
				Ticket::id, (id) -> visible(caller, id, false)));
	}

	Mono<Ticket> read(Caller caller, UUID id) {
		return this.transactions.inTenant(caller.tenantId(), () -> visible(caller, id, false));
	}

	Mono<TicketViews.Page<Ticket>> list(Caller caller, TicketQuery query) {
		return this.transactions.inTenantMany(caller.tenantId(), () -> this.tickets.list(query, query.limit() + 1))
			.collectList()
			.map((rows) -> {
				boolean more = rows.size() > query.limit();
				List<Ticket> page = more ? rows.subList(0, query.limit()) : rows;
				String next = more
						? new Keyset(query.sort().keyOf(page.get(page.size() - 1)), page.get(page.size() - 1).id())
							.encode()
						: null;
				return new TicketViews.Page<>(page, next);
			});
	}

	Mono<Ticket> change(Caller caller, UUID id, String ifMatch, Map<String, Object> patch) {
		if (ifMatch == null) {
			return Mono.error(ProblemException.preconditionRequired());
		}
		Changes changes = Changes.parse(patch, caller.isStaff());
		return this.transactions.inTenant(caller.tenantId(), () -> visible(caller, id, true).flatMap((ticket) -> {
			requireVersion(ticket, ifMatch);
			return changeLocked(caller, ticket, changes, null);
		}));
	}

	/**
	 * Applies checked changes to a locked ticket, then lets automation react.
	 * @param by the automation making the change, or {@code null} for the caller
	 * @return the ticket as it is after the change and the automation
	 */
	Mono<Ticket> changeLocked(Caller caller, Ticket ticket, Changes changes, Automation by) {
		Mono<Void> assigneeCheck = (changes.assigneeId != null)
				? requireUser(caller, changes.assigneeId, true, "assigneeId") : Mono.empty();
		return assigneeCheck.then(requireGroup(caller, changes.groupId))
			.then(Mono.defer(() -> apply(caller, ticket, changes, by)))
			.flatMap(
					(after) -> (after == ticket) ? Mono.just(ticket)
							: automate(new TicketWrite(caller, ticket, after, by)).flatMap((changed) -> changed
									? this.tickets.find(caller.tenantId(), ticket.id(), null, false)
									: Mono.just(after)));
	}

	/**
	 * Runs every {@link TicketAutomation} on a write, in order, in its transaction.
	 * @param write the write
	 * @return whether any automation may have changed the ticket, once all have run
	 */
	Mono<Boolean> automate(TicketWrite write) {
		return Flux.fromIterable(this.automations.obtain())
			.concatMap((automation) -> automation.afterWrite(write))
			.reduce(false, Boolean::logicalOr);
	}

	Mono<Comment> reply(Caller caller, UUID id, String ifMatch, ReplyRequest request) {
		if (request.isInternal() && !caller.isStaff()) {
			return Mono.error(ProblemException.invalid("Customers cannot write internal notes.",
					List.of(new FieldError("internal", "only agents and admins write internal notes"))));
		}
		return this.transactions.inTenant(caller.tenantId(), () -> visible(caller, id, true).flatMap((ticket) -> {
			if (ifMatch != null) {
				requireVersion(ticket, ifMatch);
			}
			return comment(caller, ticket, request.body(), request.isInternal())
				.flatMap((written) -> automate(new TicketWrite(caller, ticket, written.ticket(), null))
					.thenReturn(written.comment()));
		}));
	}

	/** A comment and the ticket after it. */
	record Commented(Comment comment, Ticket ticket) {
	}

	/**
	 * Adds a reply or internal note to a locked ticket, with its status change, history
	 * entry and events.
	 */
	Mono<Commented> comment(Caller caller, Ticket ticket, String body, boolean internal) {
		if (ticket.status() == TicketStatus.CLOSED) {
			return Mono.error(ProblemException.conflict("The ticket is closed; raise a new one instead."));
		}
		Instant now = now();
		Comment comment = new Comment(this.ids.generate(), caller.tenantId(), ticket.id(), caller.userId(),
				caller.role().name(), null, body, internal, now);
		TicketStatus status = ticket.status();
		Instant firstResponse = ticket.firstRespondedAt();
		if (caller.isStaff() && !internal) {
			firstResponse = (firstResponse != null) ? firstResponse : now;
			status = (status == TicketStatus.NEW) ? TicketStatus.OPEN : status;
		}
		else if (!caller.isStaff()) {
			status = StatusPolicy.afterCustomerReply(status);
		}
		Ticket after = new Ticket(ticket.id(), ticket.tenantId(), ticket.subject(), ticket.description(), status,
				ticket.priority(), ticket.category(), ticket.tags(), ticket.requesterId(), ticket.assigneeId(),
				ticket.groupId(), ticket.channel(), ticket.createdAt(), now, firstResponse,
				(status == TicketStatus.SOLVED) ? ticket.solvedAt() : null, ticket.version() + 1);
		Map<String, Object> audited = new LinkedHashMap<>();
		audited.put("commentId", comment.id().toString());
		if (status != ticket.status()) {
			audited.put("status", Map.of("from", ticket.status().name(), "to", status.name()));
		}
		Mono<Void> statusEvent = (status != ticket.status())
				? publish(caller, new TicketStatusChanged(ticket.id(), ticket.status(), status, caller.userId(), now))
				: Mono.empty();
		return this.tickets.insertComment(comment)
			.then(this.tickets.update(after))
			.then(audit(caller, ticket, internal ? "noted" : "replied", audited, internal))
			.then(publish(caller,
					new TicketCommented(ticket.id(), comment.id(), caller.userId(), caller.role(), comment.body(),
							comment.internal(), now)))
			.then(statusEvent)
			.thenReturn(new Commented(comment, after));
	}

	Flux<Comment> conversation(Caller caller, UUID id, Keyset after, int fetch) {
		return this.transactions.inTenantMany(caller.tenantId(), () -> visible(caller, id, false)
			.flatMapMany((ticket) -> this.tickets.comments(caller.tenantId(), id, caller.isStaff(), after, fetch)));
	}

	Flux<HistoryEntry> history(Caller caller, UUID id, Keyset after, int fetch) {
		return this.transactions.inTenantMany(caller.tenantId(), () -> visible(caller, id, false)
			.flatMapMany((ticket) -> this.tickets.history(caller.tenantId(), id, caller.isStaff(), after, fetch)));
	}

	Map<String, Object> changesOf(HistoryEntry entry) {
		@SuppressWarnings("unchecked")
		Map<String, Object> changes = this.json.readValue(entry.changesJson(), Map.class);
		return changes;
	}

	private Mono<Ticket> apply(Caller caller, Ticket ticket, Changes changes, Automation by) {
		Map<String, Object> audited = new LinkedHashMap<>();
		List<DeskflowEvent> events = new ArrayList<>();
		Instant now = now();
		TicketStatus status = ticket.status();
		Instant solvedAt = ticket.solvedAt();
		if (changes.status != null && changes.status != ticket.status()) {
			if (!StatusPolicy.allows(caller.role(), ticket.status(), changes.status)) {
				throw ProblemException.conflict("A ticket cannot go from " + ticket.status() + " to " + changes.status
						+ (caller.isStaff() ? "." : ": customers may reopen or close a solved ticket."));
			}
			status = changes.status;
			solvedAt = (status == TicketStatus.SOLVED) ? now : (status == TicketStatus.CLOSED) ? solvedAt : null;
			audited.put("status", Map.of("from", ticket.status().name(), "to", status.name()));
			events.add(new TicketStatusChanged(ticket.id(), ticket.status(), status, caller.userId(), now));
		}
		TicketPriority priority = (changes.priority != null) ? changes.priority : ticket.priority();
		String category = changes.categorySet ? changes.category : ticket.category();
		List<String> tags = (changes.tags != null) ? changes.tags : ticket.tags();
		boolean fieldsChanged = false;
		if (priority != ticket.priority()) {
			audited.put("priority", Map.of("from", ticket.priority().name(), "to", priority.name()));
			fieldsChanged = true;
		}
		if (!Objects.equals(category, ticket.category())) {
			audited.put("category", fromTo(ticket.category(), category));
			fieldsChanged = true;
		}
		if (!tags.equals(ticket.tags())) {
			audited.put("tags", Map.of("from", ticket.tags(), "to", tags));
			fieldsChanged = true;
		}
		if (fieldsChanged) {
			events.add(new TicketUpdated(ticket.id(), priority, category, tags, caller.userId(), now));
		}
		UUID assignee = changes.assigneeSet ? changes.assigneeId : ticket.assigneeId();
		UUID group = changes.groupSet ? changes.groupId : ticket.groupId();
		if (!Objects.equals(assignee, ticket.assigneeId())) {
			audited.put("assigneeId", fromTo(ticket.assigneeId(), assignee));
		}
		if (!Objects.equals(group, ticket.groupId())) {
			audited.put("groupId", fromTo(ticket.groupId(), group));
		}
		if (audited.containsKey("assigneeId") || audited.containsKey("groupId")) {
			events.add(new TicketAssigned(ticket.id(), assignee, group, caller.userId(), now));
		}
		if (audited.isEmpty()) {
			return Mono.just(ticket); // nothing changed: no new version, no event
		}
		if (by != null) {
			audited.put("by", by.describe());
		}
		Ticket after = new Ticket(ticket.id(), ticket.tenantId(), ticket.subject(), ticket.description(), status,
				priority, category, tags, ticket.requesterId(), assignee, group, ticket.channel(), ticket.createdAt(),
				now, ticket.firstRespondedAt(), solvedAt, ticket.version() + 1);
		return this.tickets.update(after)
			.flatMap((saved) -> audit(caller, saved, (by != null) ? by.action() : "changed", audited, false)
				.thenMany(Flux.fromIterable(events).concatMap((event) -> publish(caller, event)))
				.then(Mono.just(saved)));
	}

	private static Map<String, Object> fromTo(Object from, Object to) {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("from", (from != null) ? from.toString() : null);
		change.put("to", (to != null) ? to.toString() : null);
		return change;
	}

	Mono<Ticket> visible(Caller caller, UUID id, boolean lock) {
		return this.tickets.find(caller.tenantId(), id, caller.isStaff() ? null : caller.userId(), lock)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Ticket " + id)));
	}

	static void requireVersion(Ticket ticket, String ifMatch) {
		IfMatch.require(ifMatch, ticket.version(), "The ticket");
	}

	private Mono<Void> requireUser(Caller caller, UUID userId, boolean staffOnly, String field) {
		return this.tickets.isActiveUser(caller.tenantId(), userId, staffOnly)
			.flatMap((exists) -> exists ? Mono.<Void>empty() : Mono.error(unknownUser(field, staffOnly)));
	}

	private static ProblemException unknownUser(String field, boolean staffOnly) {
		return ProblemException.invalid("The ticket names an unknown user.",
				List.of(new FieldError(field, "no such active " + (staffOnly ? "agent" : "user") + " in this tenant")));
	}

	private Mono<Void> requireGroup(Caller caller, UUID groupId) {
		if (groupId == null) {
			return Mono.empty();
		}
		return this.tickets.isGroup(caller.tenantId(), groupId)
			.flatMap((exists) -> exists ? Mono.<Void>empty()
					: Mono.error(ProblemException.invalid("The ticket names an unknown group.",
							List.of(new FieldError("groupId", "no such agent group in this tenant")))));
	}

	private Mono<Void> audit(Caller caller, Ticket ticket, String action, Map<String, Object> changes,
			boolean internal) {
		return this.tickets.insertHistory(history(caller, ticket, action, changes, internal));
	}

	private HistoryEntry history(Caller caller, Ticket ticket, String action, Map<String, Object> changes,
			boolean internal) {
		return new HistoryEntry(this.ids.generate(), caller.tenantId(), ticket.id(), caller.userId(), action,
				this.json.writeValueAsString(changes), internal, now());
	}

	private Mono<Void> publish(Caller caller, DeskflowEvent event) {
		return this.outbox.append(envelope(caller, event));
	}

	private static EventEnvelope<DeskflowEvent> envelope(Caller caller, DeskflowEvent event) {
		return EventEnvelope.of(SOURCE, caller.tenant(), event);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps
																// microseconds
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static List<String> tags(List<String> tags) {
		if (tags == null) {
			return List.of();
		}
		Set<String> unique = new LinkedHashSet<>();
		tags.forEach((tag) -> unique.add(tag.strip().toLowerCase(Locale.ROOT)));
		return List.copyOf(unique);
	}

	/**
	 * A PATCH body, checked field by field: unknown fields and wrong types are errors.
	 */
	static final class Changes {

		TicketStatus status;

		TicketPriority priority;

		boolean categorySet;

		String category;

		List<String> tags;

		boolean assigneeSet;

		UUID assigneeId;

		boolean groupSet;

		UUID groupId;

		/**
		 * @param patch the fields to change
		 * @param staff whether agents or admins change them (customers may only change
		 * the status)
		 */
		static Changes parse(Map<String, Object> patch, boolean staff) {
			Changes changes = new Changes();
			List<FieldError> errors = new ArrayList<>();
			if (patch == null || patch.isEmpty()) {
				throw ProblemException.invalid("Send at least one of " + CHANGEABLE + ".", List.of());
			}
			for (Map.Entry<String, Object> field : patch.entrySet()) {
				String name = field.getKey();
				Object value = field.getValue();
				if (!CHANGEABLE.contains(name)) {
					errors.add(new FieldError(name, "cannot be changed; changeable: " + CHANGEABLE));
				}
				else if (!staff && !"status".equals(name)) {
					errors.add(new FieldError(name, "customers may only change the status of a solved ticket"));
				}
				else {
					try {
						changes.set(name, value);
					}
					catch (IllegalArgumentException | ClassCastException ex) {
						errors.add(new FieldError(name, "invalid value: " + ex.getMessage()));
					}
				}
			}
			if (!errors.isEmpty()) {
				throw ProblemException.invalid("The change has invalid fields.", errors);
			}
			return changes;
		}

		private void set(String name, Object value) {
			switch (name) {
				case "status" -> this.status = constant(TicketStatus.class, value);
				case "priority" -> this.priority = constant(TicketPriority.class, value);
				case "category" -> {
					this.categorySet = true;
					this.category = (value == null) ? null : blankToNull(text(value, 100));
				}
				case "tags" -> {
					if (!(value instanceof List<?> list) || list.size() > 20) {
						throw new IllegalArgumentException("a list of at most 20 tags");
					}
					List<String> parsed = new ArrayList<>();
					for (Object tag : list) {
						String text = text(tag, 50);
						if (!text.matches("[\\p{L}\\p{N}_.:-]+")) {
							throw new IllegalArgumentException("tags are words, digits and _ . : -");
						}
						parsed.add(text);
					}
					this.tags = tags(parsed);
				}
				case "assigneeId" -> {
					this.assigneeSet = true;
					this.assigneeId = (value == null) ? null : UUID.fromString(text(value, 36));
				}
				case "groupId" -> {
					this.groupSet = true;
					this.groupId = (value == null) ? null : UUID.fromString(text(value, 36));
				}
				default -> throw new IllegalArgumentException(name);
			}
		}

		private static <E extends Enum<E>> E constant(Class<E> type, Object value) {
			String text = text(value, 20);
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equalsIgnoreCase(text)) {
					return constant;
				}
			}
			throw new IllegalArgumentException("expected one of " + List.of(type.getEnumConstants()));
		}

		private static String text(Object value, int max) {
			if (!(value instanceof String text) || text.isBlank() || text.length() > max) {
				throw new IllegalArgumentException("expected text of at most " + max + " characters");
			}
			return text;
		}

	}

}
