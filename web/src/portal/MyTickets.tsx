import { Link } from 'react-router';
import { useTicketApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { StatusBadge, When } from '../ui/format';
import { LoadMore } from '../ui/LoadMore';
import { useKeysetList } from '../ui/useKeysetList';

/** The customer's own tickets, newest first (the API answers a customer's tickets only). */
export function MyTickets() {
  const api = useTicketApi();
  const list = useKeysetList('mine', (cursor) => api.list({ limit: '20' }, cursor));
  return (
    <section aria-labelledby="my-tickets">
      <div className="page-title">
        <h1 id="my-tickets">My tickets</h1>
        <Link className="button" to="/portal/new">
          Raise a ticket
        </Link>
      </div>
      <ErrorMessage error={list.error} />
      {!list.loading && !list.error && list.items.length === 0 && (
        <p className="empty">You have not raised any tickets yet.</p>
      )}
      <ul className="ticket-list">
        {list.items.map((ticket) => (
          <li key={ticket.id}>
            <Link to={`/portal/tickets/${ticket.id}`}>{ticket.subject}</Link>
            <span className="row-meta">
              <StatusBadge status={ticket.status} /> updated <When at={ticket.updatedAt} />
            </span>
          </li>
        ))}
      </ul>
      <LoadMore list={list} />
    </section>
  );
}
