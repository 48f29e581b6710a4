import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TicketStatus } from '../api/tickets';
import { Conversation } from '../conversation/Conversation';
import { ReplyForm } from '../conversation/ReplyForm';
import { useTicket } from '../conversation/useTicket';
import { ErrorMessage } from '../ui/ErrorMessage';
import { StatusBadge, When } from '../ui/format';
import { RateTicket } from './RateTicket';

/**
 * A customer's ticket: the public conversation, a reply box, reopen/close once it is solved, and
 * the rating of a solved or closed ticket.
 */
export function CustomerTicket() {
  const { id = '' } = useParams();
  const loaded = useTicket(id);
  const { ticket, etag, api } = loaded;
  const [error, setError] = useState<unknown>(null);

  if (loaded.error) {
    return <ErrorMessage error={loaded.error} />;
  }
  if (!ticket) {
    return <p role="status">Loading…</p>;
  }

  const move = async (status: TicketStatus) => {
    setError(null);
    try {
      const { data, etag: version } = await api.change(ticket.id, etag ?? '', { status });
      loaded.accept(data, version);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <article aria-labelledby="ticket-subject">
      <p>
        <Link to="/portal">← My tickets</Link>
      </p>
      <h1 id="ticket-subject">{ticket.subject}</h1>
      <p className="row-meta">
        <StatusBadge status={ticket.status} /> raised <When at={ticket.createdAt} />
      </p>
      <p className="description">{ticket.description}</p>
      {ticket.status === 'SOLVED' && (
        <div className="actions" role="group" aria-label="Solved ticket">
          <p>We think this is solved. Is it?</p>
          <button type="button" onClick={() => void move('CLOSED')}>
            Yes, close it
          </button>
          <button type="button" className="secondary" onClick={() => void move('OPEN')}>
            No, reopen it
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
      {(ticket.status === 'SOLVED' || ticket.status === 'CLOSED') && <RateTicket ticketId={ticket.id} api={api} />}
      <h2>Conversation</h2>
      <Conversation comments={loaded.comments} />
      {ticket.status !== 'CLOSED' && <ReplyForm allowInternal={false} send={loaded.reply} />}
    </article>
  );
}
