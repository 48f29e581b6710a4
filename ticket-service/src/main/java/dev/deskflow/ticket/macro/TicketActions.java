package dev.deskflow.ticket.macro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.ticket.ticket.Ticket;

/**
 * Field changes a macro or trigger makes to a ticket; {@code null} leaves a field as it
 * is. Stored as JSON with the rule.
 *
 * @param status the new status
 * @param priority the new priority
 * @param category the new category; {@code ""} removes it
 * @param addTags tags to add
 * @param removeTags tags to remove
 * @param groupId the agent group to move the ticket to (routing then assigns it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketActions(TicketStatus status, TicketPriority priority, String category, List<String> addTags,
		List<String> removeTags, UUID groupId) {

	private static final int MAX_TAGS = 20;

	/**
	 * @return whether no action is set
	 */
	@JsonIgnore
	public boolean isEmpty() {
		return this.status == null && this.priority == null && this.category == null && this.addTags == null
				&& this.removeTags == null && this.groupId == null;
	}

	/**
	 * Checks the values (the group's existence is checked by the caller).
	 * @param prefix the field path of the actions in the request, e.g. {@code actions}
	 * @return the errors, empty when valid
	 */
	public List<FieldError> errors(String prefix) {
		List<FieldError> errors = new ArrayList<>();
		if (this.category != null && this.category.strip().length() > 100) {
			errors.add(new FieldError(prefix + ".category", "at most 100 characters"));
		}
		checkTags(prefix + ".addTags", this.addTags, errors);
		checkTags(prefix + ".removeTags", this.removeTags, errors);
		if (this.addTags != null && this.removeTags != null
				&& normalised(this.addTags).stream().anyMatch(normalised(this.removeTags)::contains)) {
			errors.add(new FieldError(prefix + ".removeTags", "a tag cannot be added and removed at once"));
		}
		return errors;
	}

	/**
	 * @param ticket the ticket as it is now
	 * @return the changes as {@code PATCH /api/tickets/{id}} fields
	 */
	public Map<String, Object> fieldsFor(Ticket ticket) {
		Map<String, Object> fields = new HashMap<>();
		if (this.status != null) {
			fields.put("status", this.status.name());
		}
		if (this.priority != null) {
			fields.put("priority", this.priority.name());
		}
		if (this.category != null) {
			fields.put("category", this.category.isBlank() ? null : this.category.strip());
		}
		if (this.addTags != null || this.removeTags != null) {
			Set<String> tags = new LinkedHashSet<>(ticket.tags());
			tags.addAll(normalised(this.addTags));
			tags.removeAll(normalised(this.removeTags));
			fields.put("tags", List.copyOf(tags).subList(0, Math.min(tags.size(), MAX_TAGS)));
		}
		if (this.groupId != null) {
			fields.put("groupId", this.groupId.toString());
		}
		return fields;
	}

	private static void checkTags(String field, List<String> tags, List<FieldError> errors) {
		if (tags == null) {
			return;
		}
		if (tags.isEmpty() || tags.size() > MAX_TAGS || !tags.stream()
			.allMatch((tag) -> tag != null && tag.length() <= 50 && tag.matches("[\\p{L}\\p{N}_.:-]+"))) {
			errors.add(new FieldError(field, "1 to 20 tags of at most 50 letters, digits and _ . : -"));
		}
	}

	private static List<String> normalised(List<String> tags) {
		return (tags != null) ? tags.stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).toList() : List.of();
	}

}
