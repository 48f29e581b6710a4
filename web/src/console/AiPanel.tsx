import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { AiApi, type Explanation, type FeedbackKind, type LabelSuggestion, type Recommendations } from '../api/ai';
import { KbApi } from '../api/kb';
import { ApiError } from '../api/problem';
import { PRIORITIES, label, type Ticket, type TicketChange, type TicketPriority } from '../api/tickets';
import { useApi } from '../api/useTicketApi';
import { useChannel } from '../realtime/RealtimeContext';
import { ErrorMessage } from '../ui/ErrorMessage';

function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

interface AiPanelProps {
  ticket: Ticket;
  /** Applies a suggested change through the ticket's own If-Match save. */
  apply(change: TicketChange): Promise<void>;
  busy: boolean;
}

/**
 * The agent's AI panel (ai-service, docs/ai.md): solved tickets like this one with their resolution
 * and confidence, the suggested category and priority with one-click apply, matching help
 * articles that can be linked to the ticket, and helpful / not-helpful feedback on each item.
 * Reloaded when ai-service announces `recommendations.ready` for the ticket.
 */
export function AiPanel({ ticket, apply, busy }: AiPanelProps) {
  const ai = useApi(AiApi);
  const kb = useApi(KbApi);
  const [answer, setAnswer] = useState<Recommendations | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [linked, setLinked] = useState<Set<string>>(new Set());
  const [linkError, setLinkError] = useState<unknown>(null);

  const load = useCallback(() => {
    ai.forTicket(ticket.id).then(
      (found) => {
        setAnswer(found);
        setError(null);
      },
      (failure: unknown) => setError(failure),
    );
  }, [ai, ticket.id]);

  useEffect(() => {
    setAnswer(null);
    load();
    kb.linked(ticket.id).then((links) => setLinked(new Set(links.map((link) => link.articleId))), setLinkError);
  }, [load, kb, ticket.id]);

  useChannel(`ticket:${ticket.id}`, {
    onEvent: (event) => {
      if (event.eventType === 'recommendations.ready') {
        load();
      }
    },
  });

  const linkArticle = async (articleId: string) => {
    setLinkError(null);
    try {
      await kb.link(ticket.id, articleId);
      setLinked((previous) => new Set(previous).add(articleId));
    } catch (failure) {
      setLinkError(failure);
    }
  };

  const notYet = error instanceof ApiError && error.status === 404;
  return (
    <section aria-labelledby="ai-title" className="ai-panel">
      <h2 id="ai-title">Assistant</h2>
      {notYet && <p className="muted">Suggestions appear once the assistant has read this ticket.</p>}
      {error !== null && !notYet && <ErrorMessage error={error} />}
      {answer === null && error === null && <p role="status">Loading suggestions…</p>}
      {answer && (
        <>
          <p className="muted">
            {answer.model.keywordOnly ? 'Keyword matches only (no trained model yet).' : `Model ${answer.model.name}.`}
          </p>
          <h3>Suggested fields</h3>
          <Suggested
            name="Category"
            suggestion={answer.suggestions.category}
            current={ticket.category}
            busy={busy}
            onApply={(value) => apply({ category: value })}
          />
          <Suggested
            name="Priority"
            suggestion={answer.suggestions.priority}
            current={ticket.priority}
            busy={busy}
            onApply={(value) =>
              PRIORITIES.includes(value as TicketPriority) ? apply({ priority: value as TicketPriority }) : undefined
            }
          />
          <h3>Similar solved tickets</h3>
          {answer.tickets.length === 0 ? (
            <p className="muted">No similar solved ticket yet.</p>
          ) : (
            <ul aria-label="Similar solved tickets">
              {answer.tickets.map((match) => (
                <li key={match.id}>
                  <Link to={`/console/tickets/${match.id}`}>{match.subject}</Link>
                  <p className="muted">
                    {percent(match.confidence)} match
                    <Why explanation={match.explanation} />
                  </p>
                  {match.resolution ? (
                    <p className="resolution">Resolution: {match.resolution}</p>
                  ) : (
                    <p className="muted">No public resolution recorded.</p>
                  )}
                  <Feedback kind="TICKET" itemId={match.id} ticketId={ticket.id} ai={ai} />
                </li>
              ))}
            </ul>
          )}
          <h3>Help articles</h3>
          <ErrorMessage error={linkError} />
          {answer.articles.length === 0 ? (
            <p className="muted">No matching article.</p>
          ) : (
            <ul aria-label="Matching help articles">
              {answer.articles.map((match) => (
                <li key={match.id}>
                  <Link to={`/portal/kb/${match.id}`}>{match.title}</Link>
                  <p className="muted">
                    {percent(match.confidence)} match
                    <Why explanation={match.explanation} />
                  </p>
                  {linked.has(match.id) ? (
                    <p>Linked to this ticket</p>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void linkArticle(match.id)}
                      aria-label={`Link to ticket for ${match.title}`}
                    >
                      Link to ticket
                    </button>
                  )}
                  <Feedback kind="ARTICLE" itemId={match.id} ticketId={ticket.id} ai={ai} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Why({ explanation }: { explanation: Explanation }) {
  return explanation.sharedTerms.length > 0 ? <> · shares “{explanation.sharedTerms.slice(0, 4).join(', ')}”</> : null;
}

interface SuggestedProps {
  name: string;
  suggestion: LabelSuggestion | undefined;
  current: string | undefined;
  busy: boolean;
  onApply(value: string): void;
}

/** One suggested label with its confidence beside the baseline of always guessing the most common one. */
function Suggested({ name, suggestion, current, busy, onApply }: SuggestedProps) {
  if (!suggestion?.label) {
    return <p className="muted">{name}: no suggestion.</p>;
  }
  const shown = name === 'Priority' ? label(suggestion.label) : suggestion.label;
  return (
    <div className="suggested">
      <p>
        {name}: <strong>{shown}</strong> ({percent(suggestion.confidence)} sure
        {suggestion.majorityLabel && suggestion.majorityRate !== undefined
          ? `; “${suggestion.majorityLabel}” is ${percent(suggestion.majorityRate)} of tickets`
          : ''}
        )
      </p>
      {suggestion.label === current ? (
        <p className="muted">Already set.</p>
      ) : (
        <button type="button" className="secondary" disabled={busy} onClick={() => onApply(suggestion.label ?? '')}>
          Apply {name.toLowerCase()} {shown}
        </button>
      )}
    </div>
  );
}

interface FeedbackProps {
  kind: FeedbackKind;
  itemId: string;
  ticketId: string;
  ai: AiApi;
}

/** Helpful / not helpful for one suggested item; tells the agent it was recorded. */
function Feedback({ kind, itemId, ticketId, ai }: FeedbackProps) {
  const [given, setGiven] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async (helpful: boolean) => {
    setError(null);
    try {
      await ai.feedback(kind, itemId, helpful, ticketId);
      setGiven(helpful);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div className="actions" role="group" aria-label="Was this useful?">
      <button type="button" className="secondary small" aria-pressed={given === true} onClick={() => void send(true)}>
        Helpful
      </button>
      <button type="button" className="secondary small" aria-pressed={given === false} onClick={() => void send(false)}>
        Not helpful
      </button>
      {given !== null && (
        <span role="status" className="muted">
          Thanks, noted.
        </span>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
