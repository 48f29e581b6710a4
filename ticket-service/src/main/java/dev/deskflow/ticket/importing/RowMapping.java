package dev.deskflow.ticket.importing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns one CSV row into an {@link ImportedTicket}, or says why it cannot be imported:
 * every value is checked against the same limits as the ticket API.
 */
final class RowMapping {

	static final int MAX_SUBJECT = 500;

	static final int MAX_DESCRIPTION = 20_000;

	static final int MAX_EXTERNAL_ID = 200;

	private static final int SUBJECT_WORDS = 8;

	private static final String TAG = "[\\p{L}\\p{N}_.:-]+";

	private static final DateTimeFormatter JIRA = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("dd/MMM/yy HH:mm")
		.toFormatter(Locale.ENGLISH);

	private final Map<ImportField, String> columns;

	RowMapping(Map<ImportField, String> columns) {
		this.columns = columns;
	}

	/** A row that cannot be imported. */
	static final class RejectedRow extends RuntimeException {

		RejectedRow(String reason) {
			super(reason, null, false, false);
		}

	}

	/**
	 * @param row a row of the file
	 * @param line the row's first line in the file
	 * @return the ticket
	 * @throws RejectedRow saying what is wrong with the row
	 */
	ImportedTicket map(CSVRecord row, long line) {
		if (!row.isConsistent()) {
			throw new RejectedRow(
					"expected " + row.getParser().getHeaderNames().size() + " fields, found " + row.size());
		}
		String externalId = value(row, ImportField.EXTERNAL_ID);
		if (externalId == null) {
			throw new RejectedRow("empty " + this.columns.get(ImportField.EXTERNAL_ID));
		}
		if (externalId.length() > MAX_EXTERNAL_ID) {
			throw new RejectedRow("external id longer than " + MAX_EXTERNAL_ID + " characters");
		}
		String subject = value(row, ImportField.SUBJECT);
		String description = value(row, ImportField.DESCRIPTION);
		if (description == null && subject == null) {
			throw new RejectedRow("neither a subject nor a description");
		}
		description = (description != null) ? description : subject;
		subject = (subject != null) ? subject : subjectOf(description);
		if (subject.length() > MAX_SUBJECT) {
			throw new RejectedRow("subject longer than " + MAX_SUBJECT + " characters");
		}
		if (description.length() > MAX_DESCRIPTION) {
			throw new RejectedRow(
					"description of " + description.length() + " characters, longer than " + MAX_DESCRIPTION);
		}
		String category = value(row, ImportField.CATEGORY);
		if (category != null && category.length() > 100) {
			throw new RejectedRow("category longer than 100 characters");
		}
		TicketStatus status = status(value(row, ImportField.STATUS));
		Instant createdAt = instant(value(row, ImportField.CREATED_AT), ImportField.CREATED_AT);
		Instant solvedAt = (status == TicketStatus.SOLVED || status == TicketStatus.CLOSED)
				? instant(value(row, ImportField.SOLVED_AT), ImportField.SOLVED_AT) : null;
		if (solvedAt != null && createdAt != null && solvedAt.isBefore(createdAt)) {
			throw new RejectedRow("solved before it was created");
		}
		return new ImportedTicket(line, externalId, subject, description, status,
				priority(value(row, ImportField.PRIORITY)), category, tags(value(row, ImportField.TAGS)), createdAt,
				solvedAt);
	}

	private String value(CSVRecord row, ImportField field) {
		String column = this.columns.get(field);
		if (column == null || !row.isSet(column)) {
			return null;
		}
		String value = row.get(column).strip();
		return value.isEmpty() ? null : value;
	}

	static String subjectOf(String text) {
		String[] words = text.split("\\s+", SUBJECT_WORDS + 1);
		String subject = String.join(" ", List.of(words).subList(0, Math.min(SUBJECT_WORDS, words.length)));
		return (subject.length() > 200) ? subject.substring(0, 200).strip() : subject;
	}

	private static TicketPriority priority(String value) {
		if (value == null) {
			return TicketPriority.NORMAL;
		}
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "URGENT", "BLOCKER", "0" -> TicketPriority.URGENT;
			case "HIGH", "CRITICAL", "1" -> TicketPriority.HIGH;
			case "NORMAL", "MAJOR", "MEDIUM", "2" -> TicketPriority.NORMAL;
			case "LOW", "MINOR", "TRIVIAL", "3" -> TicketPriority.LOW;
			default -> throw new RejectedRow("unknown priority '" + abbreviate(value)
					+ "' (LOW, NORMAL, HIGH, URGENT, a Jira priority, or 0-3)");
		};
	}

	private static TicketStatus status(String value) {
		if (value == null) {
			return TicketStatus.CLOSED;
		}
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "NEW" -> TicketStatus.NEW;
			case "OPEN", "REOPENED", "IN PROGRESS" -> TicketStatus.OPEN;
			case "PENDING", "PATCH AVAILABLE" -> TicketStatus.PENDING;
			case "SOLVED", "RESOLVED" -> TicketStatus.SOLVED;
			case "CLOSED" -> TicketStatus.CLOSED;
			default -> throw new RejectedRow("unknown status '" + abbreviate(value) + "'");
		};
	}

	private static Instant instant(String value, ImportField field) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException notOffset) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException notLocal) {
				try {
					return LocalDateTime.parse(value, JIRA).toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeException notJira) {
					throw new RejectedRow(
							field.parameter + " '" + abbreviate(value) + "' is not ISO-8601 nor dd/MMM/yy HH:mm");
				}
			}
		}
	}

	private static List<String> tags(String value) {
		if (value == null) {
			return List.of();
		}
		LinkedHashSet<String> tags = new LinkedHashSet<>();
		for (String tag : value.split("[;,]")) {
			String text = tag.strip().toLowerCase(Locale.ROOT);
			if (!text.isEmpty()) {
				if (text.length() > 50 || !text.matches(TAG)) {
					throw new RejectedRow("tag '" + abbreviate(text) + "' is not words, digits and _ . : -");
				}
				tags.add(text);
			}
		}
		if (tags.size() > 20) {
			throw new RejectedRow("more than 20 tags");
		}
		return List.copyOf(tags);
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
