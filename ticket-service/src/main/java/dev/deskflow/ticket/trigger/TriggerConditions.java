package dev.deskflow.ticket.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.ticket.ticket.Ticket;

/**
 * What a ticket must look like for a trigger to fire: every condition that is set must
 * hold (a list means "one of these"; {@code tags} means "has all of these").
 *
 * @param priority one of these priorities
 * @param status one of these statuses
 * @param channel one of these channels
 * @param category one of these categories (case-insensitive)
 * @param tags all of these tags
 * @param subjectContains the subject contains this text (case-insensitive)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TriggerConditions(List<TicketPriority> priority, List<TicketStatus> status, List<TicketChannel> channel,
		List<String> category, List<String> tags, String subjectContains) {

	boolean matches(Ticket ticket) {
		return (this.priority == null || this.priority.contains(ticket.priority()))
				&& (this.status == null || this.status.contains(ticket.status()))
				&& (this.channel == null || this.channel.contains(ticket.channel()))
				&& (this.category == null || (ticket.category() != null
						&& this.category.stream().anyMatch(ticket.category()::equalsIgnoreCase)))
				&& (this.tags == null
						|| this.tags.stream().map(TriggerConditions::lower).allMatch(ticket.tags()::contains))
				&& (this.subjectContains == null || lower(ticket.subject()).contains(lower(this.subjectContains)));
	}

	List<FieldError> errors() {
		List<FieldError> errors = new ArrayList<>();
		oneOrMore("conditions.priority", this.priority, errors);
		oneOrMore("conditions.status", this.status, errors);
		oneOrMore("conditions.channel", this.channel, errors);
		oneOrMore("conditions.category", this.category, errors);
		oneOrMore("conditions.tags", this.tags, errors);
		if (this.category != null
				&& this.category.stream().anyMatch((value) -> value.isBlank() || value.length() > 100)) {
			errors.add(new FieldError("conditions.category", "categories of 1 to 100 characters"));
		}
		if (this.tags != null
				&& !this.tags.stream().allMatch((tag) -> tag.length() <= 50 && tag.matches("[\\p{L}\\p{N}_.:-]+"))) {
			errors.add(new FieldError("conditions.tags", "tags of at most 50 letters, digits and _ . : -"));
		}
		if (this.subjectContains != null && (this.subjectContains.isBlank() || this.subjectContains.length() > 500)) {
			errors.add(new FieldError("conditions.subjectContains", "text of 1 to 500 characters"));
		}
		return errors;
	}

	private static void oneOrMore(String field, List<?> values, List<FieldError> errors) {
		if (values != null && (values.isEmpty() || values.size() > 50 || values.contains(null))) {
			errors.add(new FieldError(field, "1 to 50 values; leave it out to match any"));
		}
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

}
