package dev.deskflow.ticket.sla;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.ticket.sla.CalendarRequest.Calendar;
import dev.deskflow.ticket.sla.SlaClock.State;
import dev.deskflow.ticket.sla.SlaRepository.NamedClock;

/**
 * The JSON shapes of the SLA API.
 */
final class SlaViews {

	private SlaViews() {
	}

	/** A tenant's business calendar. */
	record CalendarView(String zone, Map<String, List<String>> hours, List<String> holidays) {

		static CalendarView of(Calendar calendar) {
			return new CalendarView(calendar.zone().getId(), calendar.hoursText(),
					calendar.holidays().stream().map(Object::toString).toList());
		}

	}

	/** An SLA policy; {@code version} is its ETag, to send as {@code If-Match}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PolicyView(UUID id, String name, int order, List<TicketPriority> priorities, String category,
			List<String> tags, Integer firstResponseMinutes, Integer resolutionMinutes, int atRiskMinutes,
			EscalationView escalation, UUID createdBy, Instant updatedAt, long version) {

		static PolicyView of(SlaPolicy policy) {
			SlaPolicy.Escalation escalation = policy.escalation();
			return new PolicyView(policy.id(), policy.name(), policy.position(), policy.priorities(), policy.category(),
					policy.tags(), policy.firstResponseMinutes(), policy.resolutionMinutes(), policy.atRiskMinutes(),
					new EscalationView(escalation.raisePriority(), escalation.assigneeId(), escalation.unassign()),
					policy.createdBy(), policy.updatedAt(), policy.version());
		}

	}

	/** What a breach does besides its event. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EscalationView(boolean raisePriority, UUID assigneeId, boolean unassign) {
	}

	/**
	 * The SLA of a ticket: the policy and a clock per target it sets.
	 *
	 * @param applies whether a policy applies to the ticket
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TicketSlaView(boolean applies, UUID policyId, String policyName, ClockView firstResponse,
			ClockView resolution) {

		static final TicketSlaView NONE = new TicketSlaView(false, null, null, null, null);

		/**
		 * @param clocks the clocks of one ticket (all set by one policy)
		 * @param calendar the tenant's business calendar
		 * @param now the time of the read
		 */
		static TicketSlaView of(List<NamedClock> clocks, BusinessCalendar calendar, Instant now) {
			List<SlaClock> plain = clocks.stream().map(NamedClock::clock).toList();
			return new TicketSlaView(true, plain.get(0).policyId(), clocks.get(0).policyName(),
					clock(plain, SlaTarget.FIRST_RESPONSE, calendar, now),
					clock(plain, SlaTarget.RESOLUTION, calendar, now));
		}

	}

	/**
	 * One clock.
	 *
	 * @param dueAt when the target is due
	 * @param atRiskAt when it becomes at risk
	 * @param remainingSeconds business seconds left (frozen while paused or stopped),
	 * negative once due
	 * @param atRisk whether it is close to due, still open and not missed
	 * @param breached whether the target was or is missed
	 * @param paused whether the clock waits on the customer ({@code PENDING})
	 * @param stopped whether the target was reached (reply given, ticket solved)
	 * @param stoppedAt when it was reached
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ClockView(Instant dueAt, Instant atRiskAt, long remainingSeconds, boolean atRisk, boolean breached,
			boolean paused, boolean stopped, Instant stoppedAt) {

		static ClockView of(SlaClock clock, BusinessCalendar calendar, Instant now) {
			return new ClockView(clock.dueAt(), clock.atRiskAt(), clock.remaining(now, calendar).toSeconds(),
					clock.atRisk(now), clock.breached(now), clock.state() == State.PAUSED,
					clock.state() == State.STOPPED, (clock.state() == State.STOPPED) ? clock.haltedAt() : null);
		}

	}

	private static ClockView clock(List<SlaClock> clocks, SlaTarget target, BusinessCalendar calendar, Instant now) {
		return clocks.stream()
			.filter((clock) -> clock.target() == target)
			.findFirst()
			.map((clock) -> ClockView.of(clock, calendar, now))
			.orElse(null);
	}

}
