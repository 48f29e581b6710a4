import { useEffect, useState } from 'react';
import { DeskApi, type Availability } from '../api/desk';
import { useApi } from '../api/useTicketApi';
import { messageOf } from '../ui/ErrorMessage';

/**
 * The agent's own availability (GET/PUT /api/agents/me/availability) in the header: `AWAY` agents
 * keep their tickets but routing gives them no new ones. Hidden until it is known.
 */
export function AvailabilityToggle() {
  const api = useApi(DeskApi);
  const [status, setStatus] = useState<Availability | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.availability().then(setStatus, () => setStatus(null));
  }, [api]);

  if (status === null) {
    return null;
  }
  const change = async (next: Availability) => {
    setBusy(true);
    setFailure('');
    try {
      setStatus(await api.setAvailability(next));
    } catch (error) {
      setFailure(`Your availability was not changed: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="availability">
      <label>
        Availability{' '}
        <select value={status} disabled={busy} onChange={(e) => void change(e.target.value as Availability)}>
          <option value="ONLINE">Online (new tickets routed to me)</option>
          <option value="AWAY">Away (no new tickets)</option>
        </select>
      </label>
      {failure && (
        <span role="alert" className="field-error">
          {failure}
        </span>
      )}
    </span>
  );
}
