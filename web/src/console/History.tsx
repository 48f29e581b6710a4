import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../api/tickets';
import { useTicketApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { When } from '../ui/format';

/** Who changed what, loaded when opened and again when the ticket's version moves. */
export function History({ ticketId, version }: { ticketId: string; version: number }) {
  const api = useTicketApi();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) {
      api.history(ticketId).then((page) => setEntries(page.items), setError);
    }
  }, [api, open, ticketId, version]);

  return (
    <details className="history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>History</summary>
      <ErrorMessage error={error} />
      <ol>
        {entries.map((entry) => (
          <li key={entry.id}>
            <When at={entry.at} /> · {entry.action.replace(/[._-]/g, ' ')}
            {Object.keys(entry.changes).length > 0 && (
              <span className="muted">
                {' '}
                (
                {Object.entries(entry.changes)
                  .map(
                    ([field, value]) =>
                      `${field}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
                  )
                  .join('; ')}
                )
              </span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
