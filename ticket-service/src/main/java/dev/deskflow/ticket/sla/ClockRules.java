package dev.deskflow.ticket.sla;

import java.time.Duration;
import java.time.Instant;

import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.ticket.sla.SlaClock.State;
import dev.deskflow.ticket.ticket.Ticket;

/**
 * How a ticket's state drives an SLA clock. Pure: no Spring, no I/O.
 * <ul>
 * <li>Both clocks start when the ticket is created; a policy applied later (priority or
 * category changed) counts from there too.</li>
 * <li>First response stops for good at the first public agent reply, and halts while the
 * ticket is solved or closed without one.</li>
 * <li>Resolution pauses while the ticket is {@code PENDING} on the customer and stops at
 * {@code SOLVED}/{@code CLOSED}; a reopen resumes it. Either way the halted business time
 * moves the due time later.</li>
 * <li>{@code sla.at-risk} and {@code sla.breached} are written at most once per ticket
 * and target: a new policy keeps those marks.</li>
 * </ul>
 */
final class ClockRules {

	private ClockRules() {
	}

	/**
	 * @param existing the clock as stored, or {@code null}
	 * @param policy the policy that applies to the ticket now
	 * @param target the target
	 * @param ticket the ticket after a write
	 * @param calendar the tenant's business calendar
	 * @param now the time of the write
	 * @return the clock as it must be stored, or {@code null} when the policy sets no
	 * such target
	 */
	static SlaClock clock(SlaClock existing, SlaPolicy policy, SlaTarget target, Ticket ticket,
			BusinessCalendar calendar, Instant now) {
		Duration budget = policy.target(target);
		if (budget == null) {
			return null;
		}
		State state = state(target, ticket);
		Instant started = (existing != null) ? existing.startedAt() : ticket.createdAt();
		long paused = (existing != null) ? existing.pausedMillis() : 0;
		Instant halted = (existing != null) ? existing.haltedAt() : null;
		if (state == State.RUNNING && halted != null) {
			paused += calendar.between(halted, now).toMillis();
			halted = null;
		}
		else if (state != State.RUNNING && halted == null) {
			halted = (target == SlaTarget.FIRST_RESPONSE && ticket.firstRespondedAt() != null)
					? ticket.firstRespondedAt() : now;
		}
		Duration pausedTime = Duration.ofMillis(paused);
		Instant due = calendar.plus(started, budget.plus(pausedTime));
		Instant atRisk = calendar.plus(started,
				budget.minus(Duration.ofMinutes(policy.atRiskMinutes())).plus(pausedTime));
		Instant notified = (existing != null) ? existing.atRiskNotifiedAt() : null;
		Instant breached = (existing != null) ? existing.breachedAt() : null;
		return new SlaClock(ticket.id(), target, policy.id(), started, paused, state, halted, due, atRisk, notified,
				breached, SlaClock.nextCheck(state, atRisk, due, notified, breached));
	}

	/**
	 * The clock of a ticket imported open: as if it had been raised here at its imported
	 * creation time, except that what was already due before the import is marked
	 * silently. A historical breach is not news: marking it at-risk and breached without
	 * an event keeps agents from a flood of {@code sla.breached} (and escalations) for
	 * old tickets, while the ticket still shows as breached and in the breached view.
	 * @param policy the policy that applies to the ticket
	 * @param target the target
	 * @param ticket the imported ticket
	 * @param calendar the tenant's business calendar
	 * @param now the time of the import
	 * @return the clock as it must be stored, or {@code null} when the policy sets no
	 * such target
	 */
	static SlaClock imported(SlaPolicy policy, SlaTarget target, Ticket ticket, BusinessCalendar calendar,
			Instant now) {
		SlaClock clock = clock(null, policy, target, ticket, calendar, now);
		if (clock == null) {
			return null;
		}
		Instant notified = clock.atRiskAt().isAfter(now) ? null : now;
		Instant breached = clock.dueAt().isAfter(now) ? null : now;
		return new SlaClock(clock.ticketId(), target, clock.policyId(), clock.startedAt(), clock.pausedMillis(),
				clock.state(), clock.haltedAt(), clock.dueAt(), clock.atRiskAt(), notified, breached,
				SlaClock.nextCheck(clock.state(), clock.atRiskAt(), clock.dueAt(), notified, breached));
	}

	static State state(SlaTarget target, Ticket ticket) {
		boolean done = ticket.status() == TicketStatus.SOLVED || ticket.status() == TicketStatus.CLOSED;
		if (target == SlaTarget.FIRST_RESPONSE) {
			return (done || ticket.firstRespondedAt() != null) ? State.STOPPED : State.RUNNING;
		}
		return done ? State.STOPPED : (ticket.status() == TicketStatus.PENDING) ? State.PAUSED : State.RUNNING;
	}

}
