package dev.deskflow.ai.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a ticket file in one of the {@link Layout layouts} (RFC 4180 CSV, header row,
 * multi-line quoted fields).
 *
 * @param layout the recognised layout
 * @param tickets the tickets in file order, each id once
 * @param duplicateIds rows dropped because their id was already seen
 */
record TicketFile(Layout layout, List<Ticket> tickets, int duplicateIds) {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	static TicketFile read(Path path) throws IOException, EvaluationException {
		if (!Files.isRegularFile(path)) {
			throw new EvaluationException(EvaluationException.NO_INPUT, "no such file: " + path);
		}
		if (Files.size(path) == 0) {
			throw new EvaluationException(EvaluationException.DATA, path + " is empty: expected a CSV header");
		}
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, FORMAT)) {
			List<String> header = parser.getHeaderNames().stream().map(TicketFile::stripBom).toList();
			Layout layout = Layout.recognise(header)
				.orElseThrow(() -> new EvaluationException(EvaluationException.DATA,
						path + ": unknown header " + header + "; expected one of:" + Layout.describeAll()));
			Map<String, Ticket> tickets = new LinkedHashMap<>();
			int duplicates = 0;
			for (CSVRecord row : parser) {
				Ticket ticket = toTicket(layout, row, header);
				if (ticket.id().isEmpty()) {
					continue;
				}
				if (tickets.putIfAbsent(ticket.id(), ticket) != null) {
					duplicates++;
				}
			}
			return new TicketFile(layout, new ArrayList<>(tickets.values()), duplicates);
		}
		catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException ex) {
			throw new EvaluationException(EvaluationException.DATA, path + ": not a readable CSV: " + ex.getMessage());
		}
	}

	private static Ticket toTicket(Layout layout, CSVRecord row, List<String> header) {
		return switch (layout) {
			case ENDAVA_TICKETS -> new Ticket(get(row, header, "ticket_id"), get(row, header, "text"),
					blankToNull(get(row, header, "category")), null, blankToNull(get(row, header, "category")));
			case ENDAVA_ORIGINAL -> {
				String category = blankToNull(get(row, header, "category"));
				String topic = (category != null)
						? category + "/" + get(row, header, "sub_category1") + "/" + get(row, header, "sub_category2")
						: null;
				yield new Ticket(get(row, header, "ticket_id"),
						get(row, header, "title") + "\n" + get(row, header, "body"), category,
						blankToNull(get(row, header, "urgency")), topic);
			}
			case HADOOP_BUGS -> new Ticket(get(row, header, "issue_id"),
					get(row, header, "summary") + "\n" + get(row, header, "description"), null,
					blankToNull(get(row, header, "priority")), null);
		};
	}

	// Columns are found by name (case-insensitively), so extra or reordered columns do no
	// harm.
	private static String get(CSVRecord row, List<String> header, String column) {
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).trim().equalsIgnoreCase(column)) {
				return (i < row.size()) ? row.get(i).trim() : "";
			}
		}
		return "";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String stripBom(String column) {
		return column.startsWith("\uFEFF") ? column.substring(1) : column;
	}

	/**
	 * Reads gold duplicate pairs ({@code issue_id,duplicate_of}).
	 * @param path the file
	 * @return the pairs as given
	 */
	static List<String[]> readPairs(Path path) throws IOException, EvaluationException {
		if (!Files.isRegularFile(path)) {
			throw new EvaluationException(EvaluationException.NO_INPUT, "no such file: " + path);
		}
		if (Files.size(path) == 0) {
			throw new EvaluationException(EvaluationException.DATA, path + " is empty: expected issue_id,duplicate_of");
		}
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, FORMAT)) {
			List<String> header = parser.getHeaderNames().stream().map(TicketFile::stripBom).toList();
			if (header.size() < 2) {
				throw new EvaluationException(EvaluationException.DATA,
						path + ": expected the header issue_id,duplicate_of, found " + header);
			}
			List<String[]> pairs = new ArrayList<>();
			for (CSVRecord row : parser) {
				if (row.size() >= 2 && !row.get(0).isBlank() && !row.get(1).isBlank()) {
					pairs.add(new String[] { row.get(0).trim(), row.get(1).trim() });
				}
			}
			return pairs;
		}
	}

}
