package dev.deskflow.ticket.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;

import org.springframework.util.MultiValueMap;

/**
 * The period of a report: calendar days {@code from} to {@code to}, both included, in the
 * time zone {@code tz} (an IANA region such as {@code Europe/Berlin}, or {@code UTC}).
 * Defaults: the 30 days up to today in UTC.
 *
 * @param from the first day
 * @param to the last day
 * @param zone the time zone the days are counted in
 */
record ReportRange(LocalDate from, LocalDate to, ZoneId zone) {

	static final int DEFAULT_DAYS = 30;

	private static final List<String> PARAMETERS = List.of("from", "to", "tz");

	/**
	 * @return the first instant of the range
	 */
	Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/**
	 * @return the first instant after the range
	 */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	/**
	 * @return the first instant of every day of the range and the end of the range
	 */
	List<Instant> dayStarts() {
		return this.from.datesUntil(this.to.plusDays(2)).map((day) -> day.atStartOfDay(this.zone).toInstant()).toList();
	}

	/**
	 * @return the zone's name as PostgreSQL knows it
	 */
	String zoneName() {
		return this.zone.getId();
	}

	/**
	 * @return a stable text of the parameters, for cache keys
	 */
	String key() {
		return this.from + ":" + this.to + ":" + this.zone.getId();
	}

	static ReportRange parse(MultiValueMap<String, String> params, int maxDays, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		params.keySet()
			.stream()
			.filter((name) -> !PARAMETERS.contains(name))
			.forEach((name) -> errors.add(new FieldError(name, "unknown parameter; known: from, to, tz")));
		params.forEach((name, values) -> {
			if (PARAMETERS.contains(name) && values.size() > 1) {
				errors.add(new FieldError(name, "give it once"));
			}
		});
		ZoneId zone = ZoneId.of("UTC");
		String tz = params.getFirst("tz");
		if (tz != null) {
			if ("UTC".equals(tz) || ZoneId.getAvailableZoneIds().contains(tz)) {
				zone = ZoneId.of(tz);
			}
			else {
				errors.add(new FieldError("tz", "an IANA time zone such as Europe/Berlin, or UTC"));
			}
		}
		LocalDate to = date(params.getFirst("to"), "to", errors);
		LocalDate from = date(params.getFirst("from"), "from", errors);
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The report has invalid parameters.", errors);
		}
		LocalDate lastDay = (to != null) ? to : (from != null) ? from.plusDays(DEFAULT_DAYS - 1) : today;
		LocalDate firstDay = (from != null) ? from : lastDay.minusDays(DEFAULT_DAYS - 1);
		if (firstDay.isAfter(lastDay)) {
			throw ProblemException.invalid("The report's range ends before it starts.",
					List.of(new FieldError("from", "on or before 'to' (" + lastDay + ")")));
		}
		if (ChronoUnit.DAYS.between(firstDay, lastDay) + 1 > maxDays) {
			throw ProblemException.invalid("The report's range is too long.",
					List.of(new FieldError("to", "at most " + maxDays + " days after 'from'")));
		}
		return new ReportRange(firstDay, lastDay, zone);
	}

	private static LocalDate date(String value, String name, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError(name, "a date such as 2026-01-31"));
			return null;
		}
	}

}
