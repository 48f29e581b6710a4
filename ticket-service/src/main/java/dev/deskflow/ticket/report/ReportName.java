package dev.deskflow.ticket.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The reports an admin can ask for, by the name in the path.
 */
enum ReportName {

	/** Tickets created and solved per day of the range. */
	VOLUME,

	/**
	 * Tickets created in the range, counted by status, category, priority and channel.
	 */
	BREAKDOWN,

	/** Median and 90th percentile of first-response and resolution times. */
	TIMES,

	/** Open tickets now, by age. */
	BACKLOG,

	/** Per agent: open tickets assigned now, tickets solved and ratings in the range. */
	AGENTS,

	/** Good and bad ratings given in the range. */
	CSAT,

	/**
	 * SLA attainment of the tickets created in the range, per target: met, missed, still
	 * open, and the share met of those decided (null while none is).
	 */
	SLA;

	String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ReportName> of(String path) {
		return Arrays.stream(values()).filter((name) -> name.path().equals(path)).findFirst();
	}

}
