import { useEffect, useState, type FormEvent } from 'react';
import type { Rating, Score, TicketApi } from '../api/tickets';
import { ErrorMessage } from '../ui/ErrorMessage';
import { When } from '../ui/format';

const SCORE_TEXT: Record<Score, string> = { GOOD: 'Good, I am satisfied', BAD: 'Bad, I am not satisfied' };

/**
 * The requester's rating of a solved or closed ticket: asked for once, then shown as given
 * (a rating is final; ticket-service refuses a second one with 409).
 */
export function RateTicket({ ticketId, api }: { ticketId: string; api: TicketApi }) {
  const [rating, setRating] = useState<Rating | null | undefined>(undefined);
  const [score, setScore] = useState<Score | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.rating(ticketId).then(setRating, setError);
  }, [api, ticketId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!score) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setRating(await api.rate(ticketId, score, comment.trim() || undefined));
    } catch (failure) {
      setError(failure);
      // already rated elsewhere (another tab): show the rating that counts
      api.rating(ticketId).then((current) => current && setRating(current), setError);
    } finally {
      setBusy(false);
    }
  };

  if (rating === undefined) {
    return error ? <ErrorMessage error={error} /> : <p role="status">Loading your rating…</p>;
  }
  if (rating) {
    return (
      <section aria-labelledby="rating-title" className="rating">
        <h2 id="rating-title">Your rating</h2>
        <p>
          You rated this ticket <strong>{rating.score === 'GOOD' ? 'good' : 'bad'}</strong> on{' '}
          <When at={rating.ratedAt} />. Thank you.
        </p>
        {rating.comment && <blockquote>{rating.comment}</blockquote>}
      </section>
    );
  }
  return (
    <section aria-labelledby="rating-title" className="rating">
      <h2 id="rating-title">How did we do?</h2>
      <form onSubmit={submit} className="narrow">
        <fieldset className="segmented">
          <legend>Rate the help you got</legend>
          {(['GOOD', 'BAD'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="score"
                value={value}
                checked={score === value}
                onChange={() => setScore(value)}
              />
              {SCORE_TEXT[value]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          Comment (optional)
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={2000} />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" disabled={!score || busy}>
          {busy ? 'Sending…' : 'Send rating'}
        </button>
      </form>
    </section>
  );
}
