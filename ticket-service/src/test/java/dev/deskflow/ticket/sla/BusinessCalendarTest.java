package dev.deskflow.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.deskflow.ticket.sla.BusinessCalendar.Window;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Monday to Friday 09:00-17:00 in Berlin. */
	static final BusinessCalendar OFFICE = BusinessCalendar.of(BERLIN, weekdays(window("09:00", "17:00")), Set.of());

	@Test
	void countsEveryMomentWithoutACalendar() {
		Instant start = Instant.parse("2026-11-21T23:00:00Z");
		assertThat(BusinessCalendar.always().plus(start, Duration.ofHours(30)))
			.isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
		assertThat(BusinessCalendar.always().between(start, Instant.parse("2026-11-22T01:30:00Z")))
			.isEqualTo(Duration.ofMinutes(150));
	}

	@Test
	void addsWithinTheWorkingDay() {
		assertThat(OFFICE.plus(berlin("2026-11-23T10:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-23T12:00"));
	}

	@Test
	void carriesOverToTheNextWorkingDay() {
		assertThat(OFFICE.plus(berlin("2026-11-23T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-24T10:00"));
	}

	@Test
	void startsOutsideWorkingHoursAtTheNextOpening() {
		assertThat(OFFICE.plus(berlin("2026-11-23T06:30"), Duration.ofMinutes(30)))
			.isEqualTo(berlin("2026-11-23T09:30"));
		assertThat(OFFICE.plus(berlin("2026-11-23T19:00"), Duration.ofMinutes(30)))
			.isEqualTo(berlin("2026-11-24T09:30"));
	}

	@Test
	void skipsTheWeekend() {
		// Friday 15:00 + 4 h: 2 h on Friday, 2 h on Monday
		assertThat(OFFICE.plus(berlin("2026-11-27T15:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-30T11:00"));
		assertThat(OFFICE.between(berlin("2026-11-27T15:00"), berlin("2026-11-30T11:00")))
			.isEqualTo(Duration.ofHours(4));
	}

	@Test
	void skipsHolidays() {
		BusinessCalendar christmas = BusinessCalendar.of(BERLIN, weekdays(window("09:00", "17:00")),
				Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
		// Wednesday 23rd 16:00 + 2 h: 1 h on the 23rd, then Thursday and Friday are
		// holidays, then the weekend
		assertThat(christmas.plus(berlin("2026-12-23T16:00"), Duration.ofHours(2)))
			.isEqualTo(berlin("2026-12-28T10:00"));
		assertThat(christmas.between(berlin("2026-12-23T00:00"), berlin("2026-12-29T00:00")))
			.isEqualTo(Duration.ofHours(16));
	}

	@Test
	void countsSplitWindowsAndTheLunchBreak() {
		Map<DayOfWeek, List<Window>> hours = weekdays(window("09:00", "12:00"), window("13:00", "17:00"));
		BusinessCalendar split = BusinessCalendar.of(BERLIN, hours, Set.of());
		assertThat(split.plus(berlin("2026-11-23T11:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-23T14:00"));
		assertThat(split.between(berlin("2026-11-23T08:00"), berlin("2026-11-23T18:00")))
			.isEqualTo(Duration.ofHours(7));
	}

	@Test
	void aWholeDayWindowOnTheSpringForwardDayIs23Hours() {
		Map<DayOfWeek, List<Window>> hours = new EnumMap<>(DayOfWeek.class);
		hours.put(DayOfWeek.SUNDAY, List.of(new Window(LocalTime.MIDNIGHT, null)));
		BusinessCalendar sundays = BusinessCalendar.of(BERLIN, hours, Set.of());
		// 2026-03-29: Berlin skips 02:00-03:00
		assertThat(sundays.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
			.isEqualTo(Duration.ofHours(23));
		assertThat(sundays.plus(berlin("2026-03-29T00:00"), Duration.ofHours(3))).isEqualTo(berlin("2026-03-29T04:00"));
	}

	@Test
	void theFallBackNightCountsItsRepeatedHour() {
		Map<DayOfWeek, List<Window>> hours = new EnumMap<>(DayOfWeek.class);
		hours.put(DayOfWeek.SUNDAY, List.of(window("00:00", "06:00")));
		BusinessCalendar night = BusinessCalendar.of(BERLIN, hours, Set.of());
		// 2026-10-25: Berlin repeats 02:00-03:00, so 00:00-06:00 lasts 7 real hours
		assertThat(night.between(berlin("2026-10-25T00:00"), berlin("2026-10-25T06:00")))
			.isEqualTo(Duration.ofHours(7));
		assertThat(night.plus(berlin("2026-10-25T00:00"), Duration.ofHours(7))).isEqualTo(berlin("2026-10-25T06:00"));
	}

	@Test
	void officeHoursKeepTheirLocalTimeAcrossTheDstChange() {
		// Friday before the spring change 16:00 + 2 h -> Monday after it 10:00 local
		// (UTC+2 now)
		Instant due = OFFICE.plus(berlin("2026-03-27T16:00"), Duration.ofHours(2));
		assertThat(due).isEqualTo(berlin("2026-03-30T10:00"));
		assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
	}

	@Test
	void aWindowUntilMidnightEndsAtTheNextDay() {
		BusinessCalendar evenings = BusinessCalendar.of(BERLIN, weekdays(window("18:00", "24:00")), Set.of());
		assertThat(evenings.plus(berlin("2026-11-23T23:00"), Duration.ofHours(2)))
			.isEqualTo(berlin("2026-11-24T19:00"));
	}

	@Test
	void plusAndBetweenAgree() {
		Instant start = berlin("2026-11-20T13:17");
		for (int minutes : new int[] { 1, 59, 480, 481, 2400, 10_000 }) {
			Instant due = OFFICE.plus(start, Duration.ofMinutes(minutes));
			assertThat(OFFICE.between(start, due)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
		}
	}

	@Test
	void pausingMovesTheDueTimeByThePausedBusinessTime() {
		// the rule of ClockRules: due = start + target + paused business time
		Instant start = berlin("2026-11-23T09:00");
		Duration paused = OFFICE.between(berlin("2026-11-23T15:00"), berlin("2026-11-24T11:00"));
		assertThat(paused).isEqualTo(Duration.ofHours(4));
		assertThat(OFFICE.plus(start, Duration.ofHours(8).plus(paused))).isEqualTo(berlin("2026-11-24T13:00"));
	}

	@Test
	void signedBetweenIsNegativeAfterTheDueTime() {
		assertThat(OFFICE.signedBetween(berlin("2026-11-23T12:00"), berlin("2026-11-23T10:00")))
			.isEqualTo(Duration.ofHours(-2));
		assertThat(OFFICE.between(berlin("2026-11-23T12:00"), berlin("2026-11-23T10:00"))).isZero();
	}

	@Test
	void zeroAddsNothing() {
		Instant saturday = berlin("2026-11-28T12:00");
		assertThat(OFFICE.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
	}

	static Instant berlin(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
	}

	static Window window(String from, String until) {
		return new Window(LocalTime.parse(from), "24:00".equals(until) ? null : LocalTime.parse(until));
	}

	static Map<DayOfWeek, List<Window>> weekdays(Window... windows) {
		Map<DayOfWeek, List<Window>> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				hours.put(day, List.of(windows));
			}
		}
		return hours;
	}

}
