package dev.deskflow.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.common.event.SlaTarget;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.ticket.sla.SlaClock.State;
import dev.deskflow.ticket.ticket.Ticket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockRulesTest {

	static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");

	static final SlaPolicy POLICY = new SlaPolicy(UUID.randomUUID(), UUID.randomUUID(), "Urgent", 0,
			List.of(TicketPriority.URGENT), null, List.of(), 60, 240, 15, SlaPolicy.Escalation.NONE, UUID.randomUUID(),
			CREATED, 0);

	static final BusinessCalendar ALWAYS = BusinessCalendar.always();

	@Test
	void aNewTicketGetsDueTimesFromItsCreation() {
		SlaClock first = ClockRules.clock(null, POLICY, SlaTarget.FIRST_RESPONSE, ticket(TicketStatus.NEW, null),
				ALWAYS, CREATED);
		assertThat(first.dueAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(60)));
		assertThat(first.atRiskAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(45)));
		assertThat(first.state()).isEqualTo(State.RUNNING);
		assertThat(first.nextCheckAt()).isEqualTo(first.atRiskAt());
	}

	@Test
	void aPolicyWithoutTheTargetSetsNoClock() {
		SlaPolicy resolutionOnly = new SlaPolicy(POLICY.id(), POLICY.tenantId(), "R", 1, POLICY.priorities(), null,
				List.of(), null, 240, 15, SlaPolicy.Escalation.NONE, POLICY.createdBy(), CREATED, 0);
		assertThat(ClockRules.clock(null, resolutionOnly, SlaTarget.FIRST_RESPONSE, ticket(TicketStatus.NEW, null),
				ALWAYS, CREATED))
			.isNull();
	}

	@Test
	void theFirstPublicReplyStopsTheFirstResponseClockForGood() {
		SlaClock running = ClockRules.clock(null, POLICY, SlaTarget.FIRST_RESPONSE, ticket(TicketStatus.NEW, null),
				ALWAYS, CREATED);
		Instant reply = CREATED.plus(Duration.ofMinutes(20));
		SlaClock stopped = ClockRules.clock(running, POLICY, SlaTarget.FIRST_RESPONSE, ticket(TicketStatus.OPEN, reply),
				ALWAYS, reply);
		assertThat(stopped.state()).isEqualTo(State.STOPPED);
		assertThat(stopped.haltedAt()).isEqualTo(reply);
		assertThat(stopped.nextCheckAt()).isNull();
		assertThat(stopped.breached(reply.plus(Duration.ofDays(1)))).isFalse();
		assertThat(stopped.remaining(reply.plus(Duration.ofDays(1)), ALWAYS)).isEqualTo(Duration.ofMinutes(40));
	}

	@Test
	void pendingPausesResolutionAndResumingMovesTheDueTime() {
		SlaClock running = ClockRules.clock(null, POLICY, SlaTarget.RESOLUTION, ticket(TicketStatus.OPEN, null), ALWAYS,
				CREATED);
		Instant pending = CREATED.plus(Duration.ofMinutes(30));
		SlaClock paused = ClockRules.clock(running, POLICY, SlaTarget.RESOLUTION, ticket(TicketStatus.PENDING, null),
				ALWAYS, pending);
		assertThat(paused.state()).isEqualTo(State.PAUSED);
		assertThat(paused.nextCheckAt()).isNull();
		Instant later = pending.plus(Duration.ofHours(10));
		assertThat(paused.breached(later)).isFalse();
		assertThat(paused.remaining(later, ALWAYS)).isEqualTo(Duration.ofMinutes(210));

		SlaClock resumed = ClockRules.clock(paused, POLICY, SlaTarget.RESOLUTION, ticket(TicketStatus.OPEN, null),
				ALWAYS, later);
		assertThat(resumed.state()).isEqualTo(State.RUNNING);
		assertThat(resumed.dueAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(240)).plus(Duration.ofHours(10)));
		assertThat(resumed.remaining(later, ALWAYS)).isEqualTo(Duration.ofMinutes(210));
	}

	@Test
	void solvingStopsResolutionAndAReopenResumesIt() {
		SlaClock running = ClockRules.clock(null, POLICY, SlaTarget.RESOLUTION, ticket(TicketStatus.OPEN, null), ALWAYS,
				CREATED);
		Instant solved = CREATED.plus(Duration.ofMinutes(100));
		SlaClock stopped = ClockRules.clock(running, POLICY, SlaTarget.RESOLUTION, ticket(TicketStatus.SOLVED, null),
				ALWAYS, solved);
		assertThat(stopped.state()).isEqualTo(State.STOPPED);
		SlaClock reopened = ClockRules.clock(stopped, POLICY, SlaTarget.RESOLUTION, ticket(TicketStatus.OPEN, null),
				ALWAYS, solved.plus(Duration.ofHours(1)));
		assertThat(reopened.state()).isEqualTo(State.RUNNING);
		assertThat(reopened.dueAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(300)));
	}

	@Test
	void aNewPolicyKeepsTheMarksSoEventsStayOnce() {
		Instant breachedAt = CREATED.plus(Duration.ofMinutes(61));
		SlaClock breached = new SlaClock(UUID.randomUUID(), SlaTarget.FIRST_RESPONSE, POLICY.id(), CREATED, 0,
				State.RUNNING, null, CREATED.plus(Duration.ofMinutes(60)), CREATED.plus(Duration.ofMinutes(45)),
				CREATED.plus(Duration.ofMinutes(45)), breachedAt, null);
		SlaPolicy slower = new SlaPolicy(UUID.randomUUID(), POLICY.tenantId(), "Slower", 2, POLICY.priorities(), null,
				List.of(), 600, null, 30, SlaPolicy.Escalation.NONE, POLICY.createdBy(), CREATED, 0);
		SlaClock next = ClockRules.clock(breached, slower, SlaTarget.FIRST_RESPONSE, ticket(TicketStatus.NEW, null),
				ALWAYS, breachedAt);
		assertThat(next.policyId()).isEqualTo(slower.id());
		assertThat(next.dueAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(600)));
		assertThat(next.breachedAt()).isEqualTo(breachedAt);
		assertThat(next.nextCheckAt()).isNull();
	}

	@Test
	void atRiskIsShownBetweenTheWarningAndTheDueTime() {
		SlaClock clock = ClockRules.clock(null, POLICY, SlaTarget.FIRST_RESPONSE, ticket(TicketStatus.NEW, null),
				ALWAYS, CREATED);
		assertThat(clock.atRisk(CREATED.plus(Duration.ofMinutes(44)))).isFalse();
		assertThat(clock.atRisk(CREATED.plus(Duration.ofMinutes(50)))).isTrue();
		assertThat(clock.atRisk(CREATED.plus(Duration.ofMinutes(61)))).isFalse();
		assertThat(clock.breached(CREATED.plus(Duration.ofMinutes(61)))).isTrue();
	}

	@Test
	void anImportedTicketMarksWhatWasAlreadyDueWithoutAnythingForTheSchedulerToReport() {
		Ticket open = ticket(TicketStatus.OPEN, null);
		Instant early = CREATED.plus(Duration.ofMinutes(10));
		SlaClock fresh = ClockRules.imported(POLICY, SlaTarget.FIRST_RESPONSE, open, ALWAYS, early);
		assertThat(fresh.atRiskNotifiedAt()).isNull();
		assertThat(fresh.breachedAt()).isNull();
		assertThat(fresh.nextCheckAt()).isEqualTo(fresh.atRiskAt());

		Instant close = CREATED.plus(Duration.ofMinutes(50));
		SlaClock atRisk = ClockRules.imported(POLICY, SlaTarget.FIRST_RESPONSE, open, ALWAYS, close);
		assertThat(atRisk.atRiskNotifiedAt()).as("no sla.at-risk after the fact").isEqualTo(close);
		assertThat(atRisk.breachedAt()).isNull();
		assertThat(atRisk.nextCheckAt()).as("a breach after the import is reported").isEqualTo(atRisk.dueAt());

		Instant late = CREATED.plus(Duration.ofDays(2));
		for (SlaTarget target : SlaTarget.values()) {
			SlaClock old = ClockRules.imported(POLICY, target, open, ALWAYS, late);
			assertThat(old.dueAt()).isBefore(late);
			assertThat(old.breachedAt()).isEqualTo(late);
			assertThat(old.breached(late)).isTrue();
			assertThat(old.nextCheckAt()).as("nothing left for the scheduler").isNull();
		}
		SlaClock pending = ClockRules.imported(POLICY, SlaTarget.RESOLUTION, ticket(TicketStatus.PENDING, null), ALWAYS,
				early);
		assertThat(pending.state()).isEqualTo(State.PAUSED);
		assertThat(pending.nextCheckAt()).isNull();
	}

	static Ticket ticket(TicketStatus status, Instant firstResponse) {
		return new Ticket(UUID.randomUUID(), POLICY.tenantId(), "Printer", "On fire", status, TicketPriority.URGENT,
				null, List.of(), UUID.randomUUID(), null, null, TicketChannel.WEB, CREATED, CREATED, firstResponse,
				null, 0);
	}

}
