package dev.deskflow.ticket.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.sla.BusinessCalendar.Window;

/**
 * A tenant's business calendar as an admin sends it: {@code {"zone": "Europe/Berlin",
 * "hours": {"MONDAY": ["09:00-12:00", "13:00-17:00"]}, "holidays": ["2026-12-25"]}}.
 * Weekdays without an entry have no working hours.
 *
 * @param zone an IANA time zone id (region or {@code UTC}; offsets are refused because
 * they know no daylight saving time)
 * @param hours working windows per weekday, {@code HH:mm-HH:mm}, the end may be
 * {@code 24:00}
 * @param holidays days off, {@code YYYY-MM-DD}
 */
record CalendarRequest(String zone, Map<String, List<String>> hours, List<String> holidays) {

	static final int MAX_HOLIDAYS = 1000;

	static final int MAX_WINDOWS_PER_DAY = 10;

	private static final Pattern WINDOW = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

	/**
	 * Checks every field.
	 * @return the valid calendar
	 * @throws ProblemException 400 listing every invalid field
	 */
	Calendar validate() {
		List<FieldError> errors = new ArrayList<>();
		ZoneId zoneId = zone(errors);
		Map<DayOfWeek, List<Window>> windows = new EnumMap<>(DayOfWeek.class);
		if (this.hours == null || this.hours.isEmpty()) {
			errors.add(new FieldError("hours", "at least one weekday with working hours"));
		}
		else {
			this.hours.forEach((day, list) -> day(day, list, windows, errors));
			if (errors.isEmpty() && windows.values().stream().allMatch(List::isEmpty)) {
				errors.add(new FieldError("hours", "at least one weekday with working hours"));
			}
		}
		TreeSet<LocalDate> days = holidays(errors);
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The calendar has invalid fields.", errors);
		}
		return new Calendar(zoneId, windows, days);
	}

	private ZoneId zone(List<FieldError> errors) {
		if (this.zone == null || this.zone.isBlank()) {
			errors.add(new FieldError("zone", "an IANA time zone such as Europe/Berlin"));
			return null;
		}
		try {
			ZoneId id = ZoneId.of(this.zone);
			if (id instanceof ZoneOffset || this.zone.matches(".*\\d.*")) {
				errors.add(new FieldError("zone", "a region such as Europe/Berlin or UTC, not an offset"));
			}
			return id;
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("zone", "unknown time zone '" + this.zone + "'"));
			return null;
		}
	}

	private static void day(String name, List<String> texts, Map<DayOfWeek, List<Window>> windows,
			List<FieldError> errors) {
		String field = "hours." + name;
		DayOfWeek day;
		try {
			day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, "not a weekday (MONDAY … SUNDAY)"));
			return;
		}
		if (windows.containsKey(day)) {
			errors.add(new FieldError(field, "the weekday is given twice"));
			return;
		}
		if (texts == null || texts.size() > MAX_WINDOWS_PER_DAY) {
			errors.add(new FieldError(field, "a list of at most " + MAX_WINDOWS_PER_DAY + " windows"));
			return;
		}
		List<Window> parsed = new ArrayList<>();
		for (String text : texts) {
			Window window = window(text);
			if (window == null) {
				errors.add(new FieldError(field, "'" + text + "' is not HH:mm-HH:mm with the start before the end"));
				return;
			}
			parsed.add(window);
		}
		parsed.sort(Comparator.comparing(Window::from));
		for (int i = 1; i < parsed.size(); i++) {
			Window previous = parsed.get(i - 1);
			if (previous.until() == null || previous.until().isAfter(parsed.get(i).from())) {
				errors.add(new FieldError(field, previous + " overlaps " + parsed.get(i)));
				return;
			}
		}
		windows.put(day, List.copyOf(parsed));
	}

	private static Window window(String text) {
		Matcher matcher = (text != null) ? WINDOW.matcher(text.strip()) : null;
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		try {
			LocalTime from = LocalTime.parse(matcher.group(1));
			LocalTime until = "24:00".equals(matcher.group(2)) ? null : LocalTime.parse(matcher.group(2));
			return (until == null || from.isBefore(until)) ? new Window(from, until) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private TreeSet<LocalDate> holidays(List<FieldError> errors) {
		TreeSet<LocalDate> days = new TreeSet<>();
		if (this.holidays == null) {
			return days;
		}
		if (this.holidays.size() > MAX_HOLIDAYS) {
			errors.add(new FieldError("holidays", "at most " + MAX_HOLIDAYS + " days"));
			return days;
		}
		for (String text : this.holidays) {
			try {
				if (!days.add(LocalDate.parse(text))) {
					errors.add(new FieldError("holidays", text + " is listed twice"));
				}
			}
			catch (DateTimeParseException | NullPointerException ex) {
				errors.add(new FieldError("holidays", "'" + text + "' is not a date YYYY-MM-DD"));
			}
		}
		return days;
	}

	/**
	 * A checked calendar.
	 *
	 * @param zone the time zone
	 * @param hours working windows per weekday, sorted
	 * @param holidays days off, sorted
	 */
	record Calendar(ZoneId zone, Map<DayOfWeek, List<Window>> hours, TreeSet<LocalDate> holidays) {

		BusinessCalendar business() {
			return BusinessCalendar.of(this.zone, this.hours, this.holidays);
		}

		/**
		 * @return the working hours as the API shows them
		 */
		Map<String, List<String>> hoursText() {
			Map<String, List<String>> text = new LinkedHashMap<>();
			this.hours.forEach((day, windows) -> text.put(day.name(), windows.stream().map(Window::toString).toList()));
			return text;
		}

	}

}
