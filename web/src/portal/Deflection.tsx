import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { AiApi, type Recommendations } from '../api/ai';
import { useApi } from '../api/useTicketApi';

/** How long typing must pause before the draft is sent for suggestions. */
export const DEFLECTION_DELAY_MS = 600;

/** Drafts shorter than this say too little to match anything. */
const MIN_TEXT = 12;

/**
 * While a customer describes a problem: the help articles (and, for staff, solved tickets) that
 * ai-service matches to the draft, so the customer may solve it without raising a ticket. Asked
 * for after a pause in typing; a failure or an empty answer shows nothing and never stops the
 * ticket from being raised.
 */
export function Deflection({ text }: { text: string }) {
  const api = useApi(AiApi);
  const [found, setFound] = useState<Recommendations | null>(null);
  const draft = text.trim();

  useEffect(() => {
    if (draft.length < MIN_TEXT) {
      setFound(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.forDraft(draft).then(
        (answer) => current && setFound(answer),
        () => current && setFound(null),
      );
    }, DEFLECTION_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, draft]);

  const articles = found?.articles ?? [];
  const tickets = found?.tickets ?? [];
  return (
    <aside aria-label="Answers that may help" aria-live="polite" className="deflection">
      {(articles.length > 0 || tickets.length > 0) && (
        <>
          <h2>These may solve it</h2>
          <p className="muted">Found from what you typed. They open in a new tab, so your ticket stays here.</p>
          <ul>
            {articles.map((article) => (
              <li key={article.id}>
                <Link to={`/portal/kb/${article.id}`} target="_blank" rel="noopener">
                  {article.title}
                </Link>
              </li>
            ))}
            {tickets.map((ticket) => (
              <li key={ticket.id}>
                {ticket.subject}
                {ticket.resolution && <p className="muted">Resolved: {ticket.resolution}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
