import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTicketApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { Deflection } from './Deflection';

/**
 * Raising a ticket, with the help articles that match the draft beside the form (deflection:
 * POST /api/ai/suggestions while typing; see {@link Deflection}).
 */
export function RaiseTicket() {
  const api = useTicketApi();
  const navigate = useNavigate();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ticket = await api.raise({ subject: subject.trim(), description: description.trim() });
      navigate(`/portal/tickets/${ticket.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="raise">
      <h1 id="raise">Raise a ticket</h1>
      <div className="with-aside">
        <form onSubmit={submit} noValidate className="narrow">
          <ErrorMessage error={error} shownFields={['subject', 'description']} />
          <Field label="Subject" name="subject" error={error} hint="One line that sums up the problem.">
            {(props) => (
              <input {...props} value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={500} required />
            )}
          </Field>
          <Field
            label="Description"
            name="description"
            error={error}
            hint="What happened, what you expected, and any error message."
          >
            {(props) => (
              <textarea
                {...props}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                rows={8}
                required
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send ticket'}
          </button>
        </form>
        <Deflection text={`${subject}\n${description}`} />
      </div>
    </section>
  );
}
