package dev.deskflow.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's business time: working hours per weekday in a time zone, minus holidays.
 * Business time is real elapsed time inside working hours, so a window on a day whose
 * clocks change is an hour shorter or longer. Pure: no Spring, no I/O.
 */
final class BusinessCalendar {

	/** How far ahead a due time is searched; a sparser calendar caps it there. */
	static final int HORIZON_DAYS = 5 * 366;

	private static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneOffset.UTC, Map.of(), Set.of(), true);

	private final ZoneId zone;

	private final Map<DayOfWeek, List<Window>> hours;

	private final Set<LocalDate> holidays;

	private final boolean always;

	private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> hours, Set<LocalDate> holidays, boolean always) {
		this.zone = zone;
		this.hours = hours;
		this.holidays = holidays;
		this.always = always;
	}

	/**
	 * @return the calendar of a tenant without one: every moment counts (24×7)
	 */
	static BusinessCalendar always() {
		return ALWAYS;
	}

	/**
	 * @param zone the time zone of the working hours and holidays
	 * @param hours the working windows per weekday, sorted and not overlapping (checked
	 * by {@link CalendarRequest})
	 * @param holidays days without working hours
	 * @return the calendar
	 */
	static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<Window>> hours, Set<LocalDate> holidays) {
		Map<DayOfWeek, List<Window>> copy = new EnumMap<>(DayOfWeek.class);
		hours.forEach((day, windows) -> copy.put(day, List.copyOf(windows)));
		return new BusinessCalendar(zone, copy, Set.copyOf(holidays), false);
	}

	/**
	 * @param start where the clock starts
	 * @param amount business time to add, not negative
	 * @return the first instant at which {@code amount} of business time has passed since
	 * {@code start} ({@code start} itself for zero); at most {@link #HORIZON_DAYS} ahead
	 */
	Instant plus(Instant start, Duration amount) {
		if (amount.isNegative() || amount.isZero()) {
			return start;
		}
		if (this.always) {
			return start.plus(amount);
		}
		Duration remaining = amount;
		LocalDate day = start.atZone(this.zone).toLocalDate();
		for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
			for (Window window : windows(day)) {
				Instant from = later(window.start(day, this.zone), start);
				Instant to = window.end(day, this.zone);
				if (from.isBefore(to)) {
					Duration open = Duration.between(from, to);
					if (open.compareTo(remaining) >= 0) {
						return from.plus(remaining);
					}
					remaining = remaining.minus(open);
				}
			}
		}
		return day.atStartOfDay(this.zone).toInstant();
	}

	/**
	 * @param from the start
	 * @param to the end
	 * @return the business time in {@code [from, to)}; zero when {@code to} is not after
	 * {@code from}
	 */
	Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		if (this.always) {
			return Duration.between(from, to);
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(this.zone).toLocalDate();
		for (LocalDate day = from.atZone(this.zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			for (Window window : windows(day)) {
				Instant start = later(window.start(day, this.zone), from);
				Instant end = earlier(window.end(day, this.zone), to);
				if (start.isBefore(end)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/**
	 * @param from the start
	 * @param to the end
	 * @return the business time from {@code from} to {@code to}, negative when {@code to}
	 * is earlier
	 */
	Duration signedBetween(Instant from, Instant to) {
		return to.isBefore(from) ? between(to, from).negated() : between(from, to);
	}

	private List<Window> windows(LocalDate day) {
		return this.holidays.contains(day) ? List.of() : this.hours.getOrDefault(day.getDayOfWeek(), List.of());
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * Working hours within one day.
	 *
	 * @param from the first working minute
	 * @param until the end, exclusive; {@code null} for midnight at the end of the day
	 * ({@code 24:00})
	 */
	record Window(LocalTime from, LocalTime until) {

		Instant start(LocalDate day, ZoneId zone) {
			return ZonedDateTime.of(day, this.from, zone).toInstant();
		}

		Instant end(LocalDate day, ZoneId zone) {
			return (this.until != null) ? ZonedDateTime.of(day, this.until, zone).toInstant()
					: day.plusDays(1).atStartOfDay(zone).toInstant();
		}

		/**
		 * @return the window as {@code HH:mm-HH:mm}
		 */
		@Override
		public String toString() {
			return this.from + "-" + ((this.until != null) ? this.until.toString() : "24:00");
		}

	}

}
