import { useEffect, useState, type FormEvent } from 'react';
import { DeskApi, type Macro } from '../api/desk';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';

/**
 * Picks one of the tenant's macros (GET /api/admin/macros) and applies it to the ticket in one
 * call through `apply`, which sends the page's If-Match and handles a conflict like any change.
 */
export function MacroPicker({
  apply,
  busy,
  error,
}: {
  apply: (macroId: string) => Promise<void>;
  busy: boolean;
  error: unknown;
}) {
  const api = useApi(DeskApi);
  const [macros, setMacros] = useState<Macro[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    api.macros.list().then(({ items }) => setMacros(items), setLoadError);
  }, [api]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) {
      void apply(chosen);
    }
  };

  if (loadError) {
    return <ErrorMessage error={loadError} />;
  }
  if (macros === null) {
    return <p role="status">Loading macros…</p>;
  }
  if (macros.length === 0) {
    return <p className="muted">No macros yet: an admin can write them under Admin → Macros.</p>;
  }
  const picked = macros.find((macro) => macro.id === chosen);
  return (
    <form onSubmit={submit} className="macro-picker" aria-label="Apply a macro">
      <label>
        Macro
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">Choose a macro…</option>
          {macros.map((macro) => (
            <option key={macro.id} value={macro.id}>
              {macro.name}
            </option>
          ))}
        </select>
      </label>
      {picked?.reply && (
        <p className="hint">
          Adds {picked.reply.internal ? 'an internal note' : 'a public reply'}: {picked.reply.body}
        </p>
      )}
      <ErrorMessage error={error} />
      <button type="submit" className="secondary" disabled={!chosen || busy}>
        Apply macro
      </button>
    </form>
  );
}
