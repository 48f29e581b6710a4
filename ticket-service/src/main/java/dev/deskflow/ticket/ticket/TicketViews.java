package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The JSON shapes of the ticket API.
 */
final class TicketViews {

	private TicketViews() {
	}

	/**
	 * A new ticket. Customers raise tickets for themselves; staff may name the requester
	 * (a customer of the tenant), the channel and the agent group.
	 */
	record RaiseTicketRequest(@NotBlank @Size(max = 500) String subject,
			@NotBlank @Size(max = 20_000) String description, TicketPriority priority, @Size(max = 100) String category,
			@Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = "[\\p{L}\\p{N}_.:-]+") String> tags,
			UUID requesterId, TicketChannel channel, UUID groupId) {
	}

	/** A reply or, from staff, an internal note ({@code internal} defaults to false). */
	record ReplyRequest(@NotBlank @Size(max = 20_000) String body, Boolean internal) {

		boolean isInternal() {
			return Boolean.TRUE.equals(this.internal);
		}

	}

	/** A ticket as its readers see it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TicketView(UUID id, String subject, String description, TicketStatus status, TicketPriority priority,
			String category, List<String> tags, UUID requesterId, UUID assigneeId, UUID groupId, TicketChannel channel,
			Instant createdAt, Instant updatedAt, Instant firstRespondedAt, Instant solvedAt, long version,
			Object sla) {

		static TicketView of(Ticket ticket) {
			return of(ticket, null);
		}

		/** With the SLA clocks ({@link TicketSla}), shown to staff only. */
		static TicketView of(Ticket ticket, Object sla) {
			return new TicketView(ticket.id(), ticket.subject(), ticket.description(), ticket.status(),
					ticket.priority(), ticket.category(), ticket.tags(), ticket.requesterId(), ticket.assigneeId(),
					ticket.groupId(), ticket.channel(), ticket.createdAt(), ticket.updatedAt(),
					ticket.firstRespondedAt(), ticket.solvedAt(), ticket.version(), sla);
		}

	}

	/** One message of the conversation. */
	record CommentView(UUID id, UUID authorId, String authorName, String authorRole, String body, boolean internal,
			Instant createdAt) {

		static CommentView of(Comment comment) {
			return new CommentView(comment.id(), comment.authorId(), comment.authorName(), comment.authorRole(),
					comment.body(), comment.internal(), comment.createdAt());
		}

	}

	/** One audited change. */
	record HistoryView(UUID id, UUID actorId, String action, Map<String, Object> changes, Instant at) {
	}

	/**
	 * A page of a list.
	 *
	 * @param <T> the item type
	 * @param items the items
	 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Page<T>(List<T> items, String nextCursor) {
	}

}
