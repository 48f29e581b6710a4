import { label, type Ticket } from '../api/tickets';

export interface Difference {
  field: string;
  from: string;
  to: string;
}

const FIELDS: { name: keyof Ticket; title: string }[] = [
  { name: 'status', title: 'Status' },
  { name: 'priority', title: 'Priority' },
  { name: 'category', title: 'Category' },
  { name: 'assigneeId', title: 'Assignee' },
  { name: 'tags', title: 'Tags' },
  { name: 'subject', title: 'Subject' },
];

/**
 * What changed between two versions of a ticket, in words: shown when a change is refused with
 * 412 (someone else saved first) or when a live event changes the ticket on screen.
 */
export function differences(before: Ticket, after: Ticket, me: string): Difference[] {
  const shown = (name: keyof Ticket, ticket: Ticket): string => {
    const value = ticket[name];
    if (name === 'assigneeId') {
      return value === undefined ? 'nobody' : value === me ? 'you' : 'another agent';
    }
    if (Array.isArray(value)) {
      return value.length === 0 ? 'none' : value.join(', ');
    }
    if (value === undefined || value === null || value === '') {
      return 'none';
    }
    return name === 'status' || name === 'priority' ? label(String(value)) : String(value);
  };
  return FIELDS.filter(
    ({ name }) => shown(name, before) !== shown(name, after) || differsById(name, before, after),
  ).map(({ name, title }) => ({ field: title, from: shown(name, before), to: shown(name, after) }));
}

function differsById(name: keyof Ticket, before: Ticket, after: Ticket): boolean {
  return name === 'assigneeId' && before.assigneeId !== after.assigneeId;
}
