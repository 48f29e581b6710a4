package dev.deskflow.ticket.importing;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of an uploaded file as outcomes: a ticket to import, a rejected row, or the
 * point where the file stops being CSV (after which nothing more is read).
 */
final class CsvRows implements Iterator<CsvRows.Outcome> {

	/** What one row of the file came to. */
	sealed interface Outcome permits Accepted, Rejected, Malformed {

		long line();

	}

	/** A valid row. */
	record Accepted(ImportedTicket ticket) implements Outcome {

		@Override
		public long line() {
			return this.ticket.line();
		}

	}

	/** A row that is not imported, and why. */
	record Rejected(long line, String externalId, String reason) implements Outcome {
	}

	/** The file is no longer readable as CSV from this line on. */
	record Malformed(long line, String reason) implements Outcome {
	}

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final RowMapping mapping;

	private final String externalIdColumn;

	private boolean stopped;

	// hasNext() reads the next record ahead; its first line and any failure are kept
	private boolean fetched;

	private boolean more;

	private long line;

	private UncheckedIOException failure;

	CsvRows(CSVParser parser, RowMapping mapping, String externalIdColumn) {
		this.parser = parser;
		this.records = parser.iterator();
		this.mapping = mapping;
		this.externalIdColumn = externalIdColumn;
	}

	@Override
	public boolean hasNext() {
		if (!this.stopped && !this.fetched) {
			this.line = this.parser.getCurrentLineNumber() + 1;
			try {
				this.more = this.records.hasNext();
			}
			catch (UncheckedIOException ex) {
				this.failure = ex;
				this.more = true; // next() reports it as Malformed
			}
			this.fetched = true;
		}
		return !this.stopped && this.more;
	}

	@Override
	public Outcome next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		this.fetched = false;
		if (this.failure != null) {
			this.stopped = true;
			return new Malformed(this.line, "not valid CSV from here on: " + this.failure.getCause().getMessage());
		}
		CSVRecord row = this.records.next();
		long line = this.line;
		try {
			return new Accepted(this.mapping.map(row, line));
		}
		catch (RowMapping.RejectedRow ex) {
			String externalId = (row.isSet(this.externalIdColumn)) ? row.get(this.externalIdColumn).strip() : null;
			return new Rejected(line,
					(externalId == null || externalId.isEmpty() || externalId.length() > RowMapping.MAX_EXTERNAL_ID)
							? null : externalId,
					ex.getMessage());
		}
	}

}
