package dev.deskflow.ai.eval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ticket files the evaluation reads, recognised by their header row.
 */
enum Layout {

	/** Pre-cleaned Endava service-desk text with one of 8 topic groups. */
	ENDAVA_TICKETS("endava-tickets", List.of("ticket_id", "text", "category")),

	/** Endava's original layout: title, body and numeric label codes. */
	ENDAVA_ORIGINAL("endava-original",
			List.of("ticket_id", "title", "body", "ticket_type", "category", "sub_category1", "sub_category2",
					"business_service", "urgency", "impact")),

	/** Apache Hadoop issue reports (GitBugs). */
	HADOOP_BUGS("hadoop-bugs", List.of("issue_id", "summary", "description", "priority"));

	private final String id;

	private final List<String> requiredColumns;

	Layout(String id, List<String> requiredColumns) {
		this.id = id;
		this.requiredColumns = requiredColumns;
	}

	String id() {
		return this.id;
	}

	List<String> requiredColumns() {
		return this.requiredColumns;
	}

	/**
	 * @param header the file's column names
	 * @return the layout whose columns the header holds; the most specific one first,
	 * since endava-original also has {@code ticket_id} and {@code category}
	 */
	static Optional<Layout> recognise(List<String> header) {
		List<String> columns = header.stream().map((column) -> column.trim().toLowerCase(Locale.ROOT)).toList();
		for (Layout layout : List.of(ENDAVA_ORIGINAL, HADOOP_BUGS, ENDAVA_TICKETS)) {
			if (columns.containsAll(layout.requiredColumns)) {
				return Optional.of(layout);
			}
		}
		return Optional.empty();
	}

	static String describeAll() {
		StringBuilder text = new StringBuilder();
		for (Layout layout : values()) {
			text.append("\n  ").append(layout.id).append(": ").append(String.join(",", layout.requiredColumns));
		}
		return text.toString();
	}

}
