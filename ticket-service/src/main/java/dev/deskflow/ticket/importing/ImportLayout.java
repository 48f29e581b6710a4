package dev.deskflow.ticket.importing;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.deskflow.ticket.importing.ImportField.CATEGORY;
import static dev.deskflow.ticket.importing.ImportField.CREATED_AT;
import static dev.deskflow.ticket.importing.ImportField.DESCRIPTION;
import static dev.deskflow.ticket.importing.ImportField.EXTERNAL_ID;
import static dev.deskflow.ticket.importing.ImportField.PRIORITY;
import static dev.deskflow.ticket.importing.ImportField.SOLVED_AT;
import static dev.deskflow.ticket.importing.ImportField.STATUS;
import static dev.deskflow.ticket.importing.ImportField.SUBJECT;
import static dev.deskflow.ticket.importing.ImportField.TAGS;

/**
 * The CSV layouts recognised by their header: the public ticket sets Deskflow's demo and
 * AI work with, and Deskflow's own export. Any other layout is imported with a column
 * mapping.
 */
enum ImportLayout {

	/** Endava IT service desk, cleaned: {@code ticket_id,text,category}. */
	ENDAVA(Map.of(EXTERNAL_ID, "ticket_id", DESCRIPTION, "text", CATEGORY, "category")),

	/**
	 * Endava's original nine columns:
	 * {@code ticket_id,title,body,ticket_type,category,...,urgency,impact}.
	 */
	ENDAVA_ORIGINAL(Map.of(EXTERNAL_ID, "ticket_id", SUBJECT, "title", DESCRIPTION, "body", CATEGORY, "category",
			PRIORITY, "urgency")),

	/**
	 * Apache Hadoop Jira issues:
	 * {@code issue_id,summary,description,priority,status,resolution,created,resolved,...}.
	 */
	HADOOP(Map.of(EXTERNAL_ID, "issue_id", SUBJECT, "summary", DESCRIPTION, "description", PRIORITY, "priority", STATUS,
			"status", CREATED_AT, "created", SOLVED_AT, "resolved")),

	/** Deskflow's own export ({@code GET /api/tickets/export.csv}). */
	DESKFLOW(Map.of(EXTERNAL_ID, "id", SUBJECT, "subject", DESCRIPTION, "description", STATUS, "status", PRIORITY,
			"priority", CATEGORY, "category", TAGS, "tags", CREATED_AT, "created_at", SOLVED_AT, "solved_at")),

	/** The columns named by the request's {@code mapping} parameter. */
	MAPPED(Map.of());

	private final Map<ImportField, String> columns;

	ImportLayout(Map<ImportField, String> columns) {
		this.columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
	}

	Map<ImportField, String> columns() {
		return this.columns;
	}

	String parameter() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static Optional<ImportLayout> of(String parameter) {
		return Arrays.stream(values()).filter((layout) -> layout.parameter().equals(parameter)).findFirst();
	}

	/**
	 * @param header a file's column names
	 * @return the first known layout whose every column the header has
	 */
	static Optional<ImportLayout> detect(List<String> header) {
		return Arrays.stream(values())
			.filter((layout) -> layout != MAPPED && header.containsAll(layout.columns.values()))
			.findFirst();
	}

}
