package dev.deskflow.ticket.importing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ticket fields a CSV column can be mapped to.
 */
enum ImportField {

	/** The ticket's id in the system it comes from; required, the key of re-imports. */
	EXTERNAL_ID("externalId"),

	/** The one-line summary; the description's first words when absent. */
	SUBJECT("subject"),

	/** The requester's text; required (the subject stands in when empty). */
	DESCRIPTION("description"),

	CATEGORY("category"),

	/** LOW, NORMAL, HIGH, URGENT, a Jira priority, or an urgency 0 (highest) to 3. */
	PRIORITY("priority"),

	/** A Deskflow or Jira status; CLOSED when absent. */
	STATUS("status"),

	/** ISO-8601, or Jira's dd/MMM/yy HH:mm (UTC); the import time when absent. */
	CREATED_AT("createdAt"),

	SOLVED_AT("solvedAt"),

	/** Tags separated by ; or ,. */
	TAGS("tags");

	final String parameter;

	ImportField(String parameter) {
		this.parameter = parameter;
	}

	static Optional<ImportField> of(String parameter) {
		return Arrays.stream(values()).filter((field) -> field.parameter.equals(parameter)).findFirst();
	}

}
