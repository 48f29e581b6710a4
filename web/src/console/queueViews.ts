import type { SlaClock, Ticket, TicketQuery } from '../api/tickets';

export const VIEWS = {
  unassigned: { label: 'Unassigned', query: { status: 'NEW,OPEN,PENDING', assignee: 'none' } },
  mine: { label: 'Mine', query: { status: 'NEW,OPEN,PENDING', assignee: 'me' } },
  open: { label: 'All open', query: { status: 'NEW,OPEN,PENDING' } },
  'at-risk': { label: 'At risk', query: { status: 'NEW,OPEN,PENDING', sla: 'at-risk' } },
  breached: { label: 'Breached', query: { status: 'NEW,OPEN,PENDING', sla: 'breached' } },
} satisfies Record<string, { label: string; query: TicketQuery }>;

export type ViewName = keyof typeof VIEWS;

export interface QueueFilters {
  view: ViewName;
  status?: string;
  priority?: string;
  q?: string;
}

export function isView(value: string | null): value is ViewName {
  return value !== null && value in VIEWS;
}

/** The API query of a view narrowed by the filters; a status filter replaces the view's statuses. */
export function queryOf(filters: QueueFilters): TicketQuery {
  const query: TicketQuery = { ...VIEWS[filters.view].query, limit: '25' };
  if (filters.status) {
    query.status = filters.status;
  }
  if (filters.priority) {
    query.priority = filters.priority;
  }
  if (filters.q) {
    query.q = filters.q;
  }
  return query;
}

/**
 * Whether a ticket belongs in the list of `query`, judged in the browser for live updates. A text
 * search cannot be judged here: answers `undefined`, and the queue offers a refresh instead.
 */
export function matches(ticket: Ticket, query: TicketQuery, me: string): boolean | undefined {
  if (query.q) {
    return undefined;
  }
  if (query.status && !query.status.split(',').includes(ticket.status)) {
    return false;
  }
  if (query.priority && !query.priority.split(',').includes(ticket.priority)) {
    return false;
  }
  if (query.sla && !slaMatches(ticket, query.sla)) {
    return false;
  }
  if (query.assignee === 'none') {
    return ticket.assigneeId === undefined;
  }
  if (query.assignee === 'me') {
    return ticket.assigneeId === me;
  }
  return true;
}

/** Whether an open (not yet met) clock of the ticket is in the SLA state of a queue view. */
function slaMatches(ticket: Ticket, state: string): boolean {
  const open = [ticket.sla?.firstResponse, ticket.sla?.resolution].filter(
    (clock): clock is SlaClock => clock !== undefined && !clock.stopped,
  );
  return open.some((clock) => (state === 'breached' ? clock.breached : clock.atRisk && !clock.breached));
}
