import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/problem';
import {
  PRIORITIES,
  STAFF_TRANSITIONS,
  label,
  type Ticket,
  type TicketChange,
  type TicketPriority,
  type TicketStatus,
} from '../api/tickets';
import { useAuth } from '../auth/AuthContext';
import { Conversation } from '../conversation/Conversation';
import { ReplyForm } from '../conversation/ReplyForm';
import { useTicket } from '../conversation/useTicket';
import { ErrorMessage } from '../ui/ErrorMessage';
import { PriorityBadge, StatusBadge, When } from '../ui/format';
import { differences, type Difference } from './differences';
import { AiPanel } from './AiPanel';
import { History } from './History';
import { MacroPicker } from './MacroPicker';
import { SlaClocks } from './SlaClocks';
import { usePresence, type Presence } from './usePresence';

interface Notice {
  kind: 'conflict' | 'changed';
  items: Difference[];
}

/**
 * A ticket in the agent console: its properties (changed with If-Match; a 412 refetches and
 * shows what the other person changed, keeping the agent's edits to apply again), the whole
 * conversation with internal notes, the reply box, who else is viewing or replying, the SLA
 * clocks, macros (applied with If-Match like any change) and the AI panel.
 */
export function AgentTicket() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const me = user?.id ?? '';
  const [notice, setNotice] = useState<Notice | null>(null);
  const loaded = useTicket(id, (before, after) => {
    const items = differences(before, after, me);
    if (items.length > 0) {
      setNotice({ kind: 'changed', items });
    }
  });
  const { ticket, etag, api } = loaded;
  const [draft, setDraft] = useState<TicketChange>({});
  const [error, setError] = useState<unknown>(null);
  const [macroError, setMacroError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const presence = usePresence(id, drafting);

  if (loaded.error) {
    return <ErrorMessage error={loaded.error} />;
  }
  if (!ticket) {
    return <p role="status">Loading…</p>;
  }

  /** Runs a versioned change; a 412 reads the ticket again and shows what the other person changed. */
  const attempt = async (change: () => Promise<void>, report: (failure: unknown) => void) => {
    setBusy(true);
    report(null);
    try {
      await change();
      setNotice(null);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 412) {
        await showConflict(ticket);
      } else {
        report(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const apply = (change: TicketChange) =>
    attempt(async () => {
      const { data, etag: version } = await api.change(ticket.id, etag ?? '', change);
      loaded.accept(data, version);
      // the saved fields leave the form; other unsaved edits (when assigning or applying a
      // suggestion) stay
      setDraft((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in change))));
    }, setError);

  const applyMacro = (macroId: string) =>
    attempt(async () => {
      await api.applyMacro(ticket.id, etag ?? '', macroId);
      await loaded.reload();
    }, setMacroError);

  const showConflict = async (before: Ticket) => {
    try {
      const { ticket: after } = await loaded.refetch();
      setNotice({ kind: 'conflict', items: differences(before, after, me) });
    } catch (failure) {
      setError(failure);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void apply(draft);
  };

  const status = draft.status ?? ticket.status;
  const priority = draft.priority ?? ticket.priority;
  const category = draft.category !== undefined ? (draft.category ?? '') : (ticket.category ?? '');
  const dirty = Object.keys(draft).length > 0;

  return (
    <div className="ticket-page">
      <article aria-labelledby="ticket-subject" className="ticket-main">
        <p>
          <Link to="/console">← Queue</Link>
        </p>
        <h1 id="ticket-subject">{ticket.subject}</h1>
        <p className="row-meta">
          <StatusBadge status={ticket.status} /> <PriorityBadge priority={ticket.priority} /> raised{' '}
          <When at={ticket.createdAt} />
        </p>
        <PresenceLine presence={presence} />
        <p className="description">{ticket.description}</p>
        <h2>Conversation</h2>
        <Conversation comments={loaded.comments} />
        <ReplyForm allowInternal send={loaded.reply} onDrafting={setDrafting} />
      </article>
      <aside className="ticket-side" aria-label="Ticket properties">
        {notice && (
          <div className={notice.kind === 'conflict' ? 'notice conflict' : 'notice'} role="alert">
            <p>
              {notice.kind === 'conflict'
                ? 'This ticket changed before you saved, so your changes were not saved. What changed:'
                : 'This ticket was just changed:'}
            </p>
            <ul>
              {notice.items.map((item) => (
                <li key={item.field}>
                  {item.field}: {item.from} → {item.to}
                </li>
              ))}
              {notice.items.length === 0 && <li>fields this screen does not show</li>}
            </ul>
            {notice.kind === 'conflict' && dirty && (
              <p>Your edits are still in the form: review them and save again.</p>
            )}
            <button type="button" className="secondary" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        )}
        <form onSubmit={save} className="properties">
          <label>
            Status
            <select
              value={status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value as TicketStatus })}
              disabled={STAFF_TRANSITIONS[ticket.status].length === 0}
            >
              {[ticket.status, ...STAFF_TRANSITIONS[ticket.status]].map((value) => (
                <option key={value} value={value}>
                  {label(value)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Priority
            <select
              value={priority}
              onChange={(e) => setDraft({ ...draft, priority: e.target.value as TicketPriority })}
            >
              {PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {label(value)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Category
            <input
              value={category}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, category: e.target.value === '' ? null : e.target.value })}
            />
          </label>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="submit" disabled={!dirty || busy}>
              Save changes
            </button>
            {dirty && (
              <button type="button" className="secondary" onClick={() => setDraft({})}>
                Discard
              </button>
            )}
          </div>
        </form>
        <p>
          Assignee: {ticket.assigneeId === undefined ? 'nobody' : ticket.assigneeId === me ? 'you' : 'another agent'}
        </p>
        {ticket.assigneeId === me ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void apply({ assigneeId: null })}>
            Unassign
          </button>
        ) : (
          <button type="button" className="secondary" disabled={busy} onClick={() => void apply({ assigneeId: me })}>
            Assign to me
          </button>
        )}
        <SlaClocks sla={ticket.sla} />
        <h2>Macros</h2>
        <MacroPicker apply={applyMacro} busy={busy} error={macroError} />
        <AiPanel ticket={ticket} apply={apply} busy={busy} />
        <History ticketId={ticket.id} version={ticket.version} />
      </aside>
    </div>
  );
}

function agents(count: number): string {
  return count === 1 ? '1 other agent is' : `${count} other agents are`;
}

/** Who else has the ticket open, so two agents do not answer the same customer at once. */
function PresenceLine({ presence }: { presence: Presence }) {
  const { viewing, replying } = presence;
  return (
    <p role="status" className={replying.length > 0 ? 'presence replying' : 'presence'}>
      {replying.length > 0 && `${agents(replying.length)} replying to this ticket. `}
      {viewing.length > 0 && `${agents(viewing.length)} viewing it.`}
    </p>
  );
}
