package dev.deskflow.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.deskflow.common.event.SlaTarget;

/**
 * One SLA clock of a ticket, as stored.
 *
 * @param ticketId the ticket
 * @param target which target it times
 * @param policyId the policy that set it
 * @param startedAt when it started (the ticket's creation)
 * @param pausedMillis business time it spent halted, which moves its due time
 * @param state whether it runs
 * @param haltedAt since when it is paused or stopped, or {@code null} while it runs
 * @param dueAt when the target is due
 * @param atRiskAt when the target becomes at risk
 * @param atRiskNotifiedAt when {@code sla.at-risk} was written, or {@code null}
 * @param breachedAt when {@code sla.breached} was written, or {@code null}
 * @param nextCheckAt when the scheduler must look at it next, or {@code null}
 */
record SlaClock(UUID ticketId, SlaTarget target, UUID policyId, Instant startedAt, long pausedMillis, State state,
		Instant haltedAt, Instant dueAt, Instant atRiskAt, Instant atRiskNotifiedAt, Instant breachedAt,
		Instant nextCheckAt) {

	/** Whether a clock runs. */
	enum State {

		/** Counting business time. */
		RUNNING,

		/** Halted while the ticket is pending on the customer; resumes. */
		PAUSED,

		/**
		 * Halted because the target was met (reply, solved); a reopen resumes resolution.
		 */
		STOPPED

	}

	/**
	 * @param state whether the clock runs
	 * @param atRiskAt when the target becomes at risk
	 * @param dueAt when the target is due
	 * @param atRiskNotified when {@code sla.at-risk} was written, or {@code null}
	 * @param breached when {@code sla.breached} was written, or {@code null}
	 * @return when the scheduler must look at such a clock next, or {@code null}
	 */
	static Instant nextCheck(State state, Instant atRiskAt, Instant dueAt, Instant atRiskNotified, Instant breached) {
		if (state != State.RUNNING || breached != null) {
			return null;
		}
		return (atRiskNotified == null) ? atRiskAt : dueAt;
	}

	/**
	 * @param at the moment
	 * @param calendar the tenant's business calendar
	 * @return business time left at {@code at} (frozen while halted), negative once due
	 */
	Duration remaining(Instant at, BusinessCalendar calendar) {
		return calendar.signedBetween(reference(at), this.dueAt);
	}

	/**
	 * @param at the moment
	 * @return whether the target was or is missed
	 */
	boolean breached(Instant at) {
		return this.breachedAt != null || reference(at).isAfter(this.dueAt);
	}

	/**
	 * @param at the moment
	 * @return whether the target is close to its due time, still open and not yet missed
	 */
	boolean atRisk(Instant at) {
		return this.state != State.STOPPED && !breached(at)
				&& (this.atRiskNotifiedAt != null || !reference(at).isBefore(this.atRiskAt));
	}

	// a halted clock is frozen where it halted
	private Instant reference(Instant at) {
		return (this.haltedAt != null) ? this.haltedAt : at;
	}

}
