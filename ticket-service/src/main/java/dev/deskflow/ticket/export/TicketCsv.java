package dev.deskflow.ticket.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.deskflow.ticket.ticket.Ticket;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Tickets as CSV lines (RFC 4180 via commons-csv). A cell that a spreadsheet would run as
 * a formula (starting with {@code = + - @}, tab or carriage return) is prefixed with
 * {@code '}, so an exported subject cannot inject one (OWASP "CSV injection").
 */
final class TicketCsv {

	static final List<String> HEADER = List.of("id", "subject", "description", "status", "priority", "category", "tags",
			"channel", "requester_id", "assignee_id", "created_at", "updated_at", "first_responded_at", "solved_at");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

	private TicketCsv() {
	}

	static String header() {
		return line(HEADER.toArray());
	}

	static String row(Ticket ticket) {
		return line(ticket.id(), ticket.subject(), ticket.description(), ticket.status(), ticket.priority(),
				ticket.category(), String.join(";", ticket.tags()), ticket.channel(), ticket.requesterId(),
				ticket.assigneeId(), ticket.createdAt(), ticket.updatedAt(), ticket.firstRespondedAt(),
				ticket.solvedAt());
	}

	private static String line(Object... values) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
			printer.printRecord(Arrays.stream(values).map(TicketCsv::cell));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // a StringBuilder does not fail
		}
		return out.toString();
	}

	private static String cell(Object value) {
		String text = Objects.toString(value, "");
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
