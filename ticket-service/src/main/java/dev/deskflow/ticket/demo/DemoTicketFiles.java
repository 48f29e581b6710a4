package dev.deskflow.ticket.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the demo ticket files of {@code deploy/demo-data} and maps their rows to
 * {@link DemoTicket}s. Both files keep the columns of their public sources (see the
 * folder's {@code NOTICE.md}).
 */
final class DemoTicketFiles {

	static final String ENDAVA_FILE = "endava-tickets.csv";

	static final String HADOOP_FILE = "hadoop-bugs.csv";

	/** The environment variable that points the service at the demo data. */
	static final String DIRECTORY_SETTING = "DESKFLOW_TICKET_DEMO_DATA_DIRECTORY";

	static final int SUBJECT_WORDS = 8;

	private static final int MAX_SUBJECT_LENGTH = 200;

	// Quoted fields may span lines (the Hadoop descriptions hold stack traces).
	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

	private DemoTicketFiles() {
	}

	/**
	 * Reads both demo files.
	 * @param directory the demo data directory, relative to the working directory or
	 * absolute
	 * @return the Endava tickets, then the Hadoop ones, in file order
	 * @throws IllegalStateException naming the path and the setting if the directory or a
	 * file is missing, or naming the file and line of a malformed row
	 */
	static List<DemoTicket> read(Path directory) {
		Path folder = existingDirectory(directory);
		List<DemoTicket> tickets = new ArrayList<>();
		tickets.addAll(readFile(folder.resolve(ENDAVA_FILE), List.of("ticket_id", "text", "category"),
				DemoTicketFiles::fromEndava));
		tickets.addAll(readFile(folder.resolve(HADOOP_FILE), List.of("issue_id", "summary", "description", "priority"),
				DemoTicketFiles::fromHadoop));
		return tickets;
	}

	/**
	 * Maps a row of the Endava IT service-desk set ({@code ticket_id,text,category}).
	 * @param row the row
	 * @return an e-mailed ticket with the text's first words as subject
	 */
	static DemoTicket fromEndava(CSVRecord row) {
		String text = required(row, "text");
		return new DemoTicket("endava:" + required(row, "ticket_id"), subjectFrom(text), text,
				required(row, "category"), "NORMAL", "EMAIL", List.of("endava"));
	}

	/**
	 * Maps a row of the Apache Hadoop issue set
	 * ({@code issue_id,summary,description,priority,...}).
	 * @param row the row
	 * @return a bug reported on the web, its Jira priority mapped to ours
	 */
	static DemoTicket fromHadoop(CSVRecord row) {
		String summary = required(row, "summary");
		String description = row.get("description");
		return new DemoTicket("hadoop:" + required(row, "issue_id"), summary,
				description.isBlank() ? summary : description, "Bug", priorityOf(required(row, "priority")), "WEB",
				List.of("hadoop"));
	}

	/**
	 * @param text a ticket's text
	 * @return its first {@value #SUBJECT_WORDS} words, the first letter capitalised
	 */
	static String subjectFrom(String text) {
		String[] words = text.strip().split("\\s+");
		String subject = String.join(" ", Arrays.asList(words).subList(0, Math.min(SUBJECT_WORDS, words.length)));
		if (subject.length() > MAX_SUBJECT_LENGTH) {
			subject = subject.substring(0, MAX_SUBJECT_LENGTH).strip();
		}
		int first = subject.offsetByCodePoints(0, 1);
		return subject.substring(0, first).toUpperCase(Locale.ROOT) + subject.substring(first);
	}

	/**
	 * @param jiraPriority a Jira priority name
	 * @return the Deskflow priority
	 */
	static String priorityOf(String jiraPriority) {
		return switch (jiraPriority.strip()) {
			case "Blocker" -> "URGENT";
			case "Critical" -> "HIGH";
			case "Major" -> "NORMAL";
			case "Minor", "Trivial" -> "LOW";
			default -> throw new IllegalArgumentException(
					"unknown priority '" + jiraPriority + "' (expected Blocker, Critical, Major, Minor or Trivial)");
		};
	}

	private static Path existingDirectory(Path directory) {
		if (directory == null) {
			throw new IllegalStateException("No demo data directory is set: set " + DIRECTORY_SETTING
					+ " (deskflow.ticket.demo.data-directory) to the folder holding " + ENDAVA_FILE + " and "
					+ HADOOP_FILE + ", or turn the demo off with DESKFLOW_TICKET_DEMO_ENABLED=false");
		}
		Path absolute = directory.toAbsolutePath().normalize();
		if (!Files.isDirectory(absolute)) {
			throw new IllegalStateException("Demo data directory " + absolute + " does not exist: set "
					+ DIRECTORY_SETTING + " (deskflow.ticket.demo.data-directory, now '" + directory
					+ "', relative to the working directory) to the folder holding " + ENDAVA_FILE + " and "
					+ HADOOP_FILE + ", or turn the demo off with DESKFLOW_TICKET_DEMO_ENABLED=false");
		}
		return absolute;
	}

	private static List<DemoTicket> readFile(Path file, List<String> columns, Function<CSVRecord, DemoTicket> mapper) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Demo data file " + file + " does not exist: set " + DIRECTORY_SETTING
					+ " (deskflow.ticket.demo.data-directory) to a folder holding " + ENDAVA_FILE + " and "
					+ HADOOP_FILE);
		}
		try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT)) {
			List<String> header = parser.getHeaderNames();
			List<String> missing = columns.stream().filter((column) -> !header.contains(column)).toList();
			if (!missing.isEmpty()) {
				throw new IllegalStateException(
						"Demo data file " + file + " lacks the column(s) " + missing + " in its header (line 1)");
			}
			int width = header.size();
			List<DemoTicket> tickets = new ArrayList<>();
			Iterator<CSVRecord> rows = parser.iterator();
			while (true) {
				long line = parser.getCurrentLineNumber() + 1;
				CSVRecord row;
				try {
					if (!rows.hasNext()) {
						return tickets;
					}
					row = rows.next();
				}
				catch (UncheckedIOException ex) {
					throw malformed(file, line, ex.getCause().getMessage(), ex);
				}
				if (row.size() != width) {
					throw malformed(file, line, "expected " + width + " fields, found " + row.size(), null);
				}
				try {
					tickets.add(mapper.apply(row));
				}
				catch (IllegalArgumentException ex) {
					throw malformed(file, line, ex.getMessage(), ex);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read demo data file " + file, ex);
		}
	}

	private static String required(CSVRecord row, String column) {
		String value = row.get(column);
		if (value.isBlank()) {
			throw new IllegalArgumentException("empty '" + column + "'");
		}
		return value;
	}

	private static IllegalStateException malformed(Path file, long line, String reason, Exception cause) {
		return new IllegalStateException("Malformed row in demo data file " + file + " at line " + line + ": " + reason,
				cause);
	}

}
