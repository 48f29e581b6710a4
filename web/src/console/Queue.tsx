import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PRIORITIES, STATUSES, label } from '../api/tickets';
import { useTicketApi } from '../api/useTicketApi';
import { useAuth } from '../auth/AuthContext';
import { useChannel } from '../realtime/RealtimeContext';
import { ErrorMessage } from '../ui/ErrorMessage';
import { PriorityBadge, StatusBadge, When } from '../ui/format';
import { LoadMore } from '../ui/LoadMore';
import { useKeysetList } from '../ui/useKeysetList';
import { VIEWS, isView, matches, queryOf, type QueueFilters, type ViewName } from './queueViews';
import { QueueClock } from './SlaClocks';
import { useListKeys } from './useListKeys';

/**
 * The agents' live queue: views, filters (kept in the URL, so a view can be bookmarked), keyset
 * paging, j/k/Enter navigation, and tickets appearing and changing as events arrive on `queue`.
 */
export function Queue() {
  const { user } = useAuth();
  const api = useTicketApi();
  const [params, setParams] = useSearchParams();
  const view = params.get('view');
  const filters: QueueFilters = {
    view: isView(view) ? view : 'open',
    status: params.get('status') ?? undefined,
    priority: params.get('priority') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const query = queryOf(filters);
  const key = JSON.stringify(query);
  const list = useKeysetList(key, (cursor) => api.list(query, cursor));
  const [fresh, setFresh] = useState<string[]>([]);
  const [missed, setMissed] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [searchText, setSearchText] = useState(filters.q ?? '');
  const listRef = useRef<HTMLOListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const selected = useListKeys(list.items.length, listRef, searchRef);

  useChannel('queue', {
    onEvent: (event) => {
      const ticketId = typeof event.data.ticketId === 'string' ? event.data.ticketId : null;
      const created = event.eventType === 'ticket.created';
      if (!ticketId || (!created && !list.items.some((ticket) => ticket.id === ticketId))) {
        return;
      }
      api.read(ticketId).then(
        ({ data }) => {
          const belongs = matches(data, query, user?.id ?? '');
          if (belongs === undefined) {
            if (created) {
              setMissed((count) => count + 1);
            }
          } else if (belongs) {
            list.upsert(data);
            if (created) {
              setFresh((ids) => [...ids, data.id]);
              setAnnouncement(`New ticket: ${data.subject}`);
            }
          } else {
            list.remove(data.id);
          }
        },
        () => undefined,
      );
    },
    onReload: list.reload,
  });

  const change = (name: keyof Omit<QueueFilters, 'view'> | 'view', value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    setParams(next);
    setMissed(0);
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    change('q', searchText.trim());
  };

  return (
    <section aria-labelledby="queue-title">
      <div className="page-title">
        <h1 id="queue-title">Queue</h1>
        <p className="muted shortcuts">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search
        </p>
      </div>
      <nav aria-label="Views" className="views">
        {(Object.keys(VIEWS) as ViewName[]).map((name) => (
          <button
            key={name}
            type="button"
            className={filters.view === name ? 'view active' : 'view'}
            aria-pressed={filters.view === name}
            onClick={() => change('view', name)}
          >
            {VIEWS[name].label}
          </button>
        ))}
      </nav>
      <div className="filters">
        <label>
          Status
          <select value={filters.status ?? ''} onChange={(e) => change('status', e.target.value)}>
            <option value="">Any in view</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {label(status)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select value={filters.priority ?? ''} onChange={(e) => change('priority', e.target.value)}>
            <option value="">Any</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {label(priority)}
              </option>
            ))}
          </select>
        </label>
        <form role="search" onSubmit={search}>
          <label>
            Search
            <input ref={searchRef} type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
          </label>
          <button type="submit" className="secondary">
            Search
          </button>
        </form>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {missed > 0 && (
        <button
          type="button"
          className="notice"
          onClick={() => {
            setMissed(0);
            list.reload();
          }}
        >
          {missed} new {missed === 1 ? 'ticket' : 'tickets'} — show
        </button>
      )}
      <ErrorMessage error={list.error} />
      {!list.loading && !list.error && list.items.length === 0 && <p className="empty">No tickets in this view.</p>}
      <ol ref={listRef} className="queue" aria-label="Tickets">
        {list.items.map((ticket, index) => (
          <li
            key={ticket.id}
            className={
              [index === selected ? 'selected' : '', fresh.includes(ticket.id) ? 'fresh' : ''].join(' ').trim() ||
              undefined
            }
          >
            <Link data-row to={`/console/tickets/${ticket.id}`}>
              {ticket.subject}
            </Link>
            <span className="row-meta">
              <StatusBadge status={ticket.status} /> <PriorityBadge priority={ticket.priority} />
              <QueueClock sla={ticket.sla} />
              {ticket.category && <span>{ticket.category}</span>}
              <span>
                {ticket.assigneeId ? (ticket.assigneeId === user?.id ? 'Assigned to you' : 'Assigned') : 'Unassigned'}
              </span>
              <span>
                updated <When at={ticket.updatedAt} />
              </span>
            </span>
          </li>
        ))}
      </ol>
      <LoadMore list={list} />
    </section>
  );
}
