import { useEffect, useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../ui/ErrorMessage';

interface ReplyFormProps {
  send(body: string, internal: boolean): Promise<void>;
  /** Staff may write internal notes, which customers never see. */
  allowInternal: boolean;
  /** Told whether the box holds text, e.g. so other agents see that this one is replying. */
  onDrafting?(drafting: boolean): void;
}

export function ReplyForm({ send, allowInternal, onDrafting }: ReplyFormProps) {
  const id = useId();
  const [body, setBody] = useState('');
  const drafting = body.trim() !== '';
  useEffect(() => onDrafting?.(drafting), [onDrafting, drafting]);
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') {
      return;
    }
    setBusy(true);
    setError(null);
    const sent = body;
    try {
      await send(sent, internal);
      // keep whatever the user typed while this was being sent
      setBody((current) => (current === sent ? '' : current));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const what = internal ? 'internal note' : 'reply';
  return (
    <form onSubmit={submit} className={internal ? 'reply-form internal' : 'reply-form'} aria-label="Reply">
      {allowInternal && (
        <fieldset className="segmented">
          <legend>Write</legend>
          <label>
            <input type="radio" name={`${id}-kind`} checked={!internal} onChange={() => setInternal(false)} /> Public
            reply
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={internal} onChange={() => setInternal(true)} /> Internal
            note
          </label>
        </fieldset>
      )}
      <label htmlFor={`${id}-body`}>{internal ? 'Internal note (only agents see it)' : 'Your reply'}</label>
      <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} rows={4} required />
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy || body.trim() === ''}>
        {busy ? 'Sending…' : `Send ${what}`}
      </button>
    </form>
  );
}
