import type { SlaClock, TicketSla } from '../api/tickets';
import { When } from '../ui/format';

export type ClockState = 'met' | 'missed' | 'paused' | 'breached' | 'at-risk' | 'on-track';

const STATE_LABELS: Record<ClockState, string> = {
  met: 'Met',
  missed: 'Met late',
  paused: 'Paused',
  breached: 'Breached',
  'at-risk': 'At risk',
  'on-track': 'On track',
};

/** The state of a clock in one word: a met target first, then paused, breached, at risk, on track. */
export function clockState(clock: SlaClock): ClockState {
  if (clock.stopped) {
    return clock.breached ? 'missed' : 'met';
  }
  if (clock.breached) {
    return 'breached';
  }
  if (clock.paused) {
    return 'paused';
  }
  return clock.atRisk ? 'at-risk' : 'on-track';
}

/** Business seconds as "2 h 5 min" (minutes rounded up while time remains, so 30 s is "1 min"). */
export function businessTime(seconds: number): string {
  const minutes = Math.ceil(Math.abs(seconds) / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days > 0 ? `${days} d` : '',
    hours > 0 ? `${hours} h` : '',
    rest > 0 || minutes === 0 ? `${rest} min` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

function remaining(clock: SlaClock): string {
  if (clock.remainingSeconds < 0) {
    return `overdue by ${businessTime(clock.remainingSeconds)} of business time`;
  }
  return `${businessTime(clock.remainingSeconds)} of business time left${clock.paused ? ' (paused)' : ''}`;
}

function Clock({ name, clock }: { name: string; clock: SlaClock }) {
  const state = clockState(clock);
  return (
    <li className={`sla-clock sla-${state}`}>
      <span className="sla-target">{name}</span> <span className="badge sla-state">{STATE_LABELS[state]}</span>
      <span className="sla-detail">
        {clock.stopped && clock.stoppedAt ? (
          <>
            reached <When at={clock.stoppedAt} /> (due <When at={clock.dueAt} />)
          </>
        ) : (
          <>
            due <When at={clock.dueAt} /> · {remaining(clock)}
          </>
        )}
      </span>
    </li>
  );
}

const URGENCY: ClockState[] = ['breached', 'at-risk', 'on-track', 'paused'];

/** The clock a queue row shows: of the targets not yet reached, breached first, then at risk, then the earliest due. */
export function urgentClock(sla: TicketSla | undefined): SlaClock | null {
  const open = [sla?.firstResponse, sla?.resolution].filter(
    (clock): clock is SlaClock => clock !== undefined && !clock.stopped,
  );
  open.sort(
    (a, b) =>
      URGENCY.indexOf(clockState(a)) - URGENCY.indexOf(clockState(b)) || Date.parse(a.dueAt) - Date.parse(b.dueAt),
  );
  return open[0] ?? null;
}

/** A queue row's compact SLA clock: the most urgent open target, its state and due time. */
export function QueueClock({ sla }: { sla: TicketSla | undefined }) {
  const clock = urgentClock(sla);
  if (!clock) {
    return null;
  }
  const state = clockState(clock);
  return (
    <span className={`sla-queue sla-${state}`}>
      <span className="badge sla-state">SLA {STATE_LABELS[state].toLowerCase()}</span>{' '}
      {clock === sla?.firstResponse ? 'first response' : 'resolution'} due <When at={clock.dueAt} />
    </span>
  );
}

/** The ticket's SLA targets (first response, resolution): state in words, due time, business time left. */
export function SlaClocks({ sla }: { sla: TicketSla | undefined }) {
  if (!sla?.applies) {
    return null;
  }
  return (
    <section aria-labelledby="sla-title" className="sla">
      <h2 id="sla-title">SLA</h2>
      {sla.policyName && <p className="muted">Policy: {sla.policyName}</p>}
      <ul aria-label="SLA targets">
        {sla.firstResponse && <Clock name="First response" clock={sla.firstResponse} />}
        {sla.resolution && <Clock name="Resolution" clock={sla.resolution} />}
      </ul>
    </section>
  );
}
