import { useState, type FormEvent } from 'react';
import { AdminApi, type NewUser, type UserView } from '../api/admin';
import { label } from '../api/tickets';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { When } from '../ui/format';
import { LoadMore } from '../ui/LoadMore';
import { useKeysetList } from '../ui/useKeysetList';

const EMPTY: NewUser = { name: '', email: '', role: 'AGENT', password: '' };

/**
 * The tenant's agents and admins (GET /api/admin/users): invite a new one with an initial
 * password, deactivate (which ends their sessions) or reactivate.
 */
export function Agents() {
  const api = useApi(AdminApi);
  const agents = useKeysetList('AGENT', (cursor) => api.users('AGENT', cursor));
  const admins = useKeysetList('ADMIN', (cursor) => api.users('ADMIN', cursor));
  const [draft, setDraft] = useState<NewUser>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const [rowError, setRowError] = useState<unknown>(null);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setInvited(null);
    try {
      const user = await api.invite({ ...draft, email: draft.email.trim(), name: draft.name.trim() });
      (user.role === 'ADMIN' ? admins : agents).upsert(user);
      setInvited(`${user.name} can now sign in as ${user.email}.`);
      setDraft(EMPTY);
    } catch (failure) {
      setError(failure);
    }
  };

  const toggle = async (user: UserView) => {
    setRowError(null);
    try {
      const changed = await api.setActive(user.id, !user.active);
      (changed.role === 'ADMIN' ? admins : agents).upsert(changed);
    } catch (failure) {
      setRowError(failure);
    }
  };

  const people = [...admins.items, ...agents.items];
  return (
    <section aria-labelledby="agents-title">
      <h2 id="agents-title">Agents</h2>
      <ErrorMessage error={agents.error ?? admins.error ?? rowError} />
      {!agents.loading && !admins.loading && people.length === 0 && <p className="empty">No agents yet.</p>}
      <ul className="ticket-list" aria-label="Agents and admins">
        {people.map((user) => (
          <li key={user.id} className={user.active ? undefined : 'inactive'}>
            <span>
              <strong>{user.name}</strong> {user.email}
            </span>
            <span className="row-meta">
              {label(user.role)} · {user.active ? 'active' : 'deactivated'} · since <When at={user.createdAt} />
              <button type="button" className="secondary small" onClick={() => void toggle(user)}>
                {user.active ? `Deactivate ${user.name}` : `Reactivate ${user.name}`}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <LoadMore list={agents} />
      <h3>Invite an agent</h3>
      <form onSubmit={invite} noValidate className="narrow" aria-label="Invite an agent">
        <ErrorMessage error={error} shownFields={['name', 'email', 'password']} />
        {invited && (
          <p role="status" className="notice">
            {invited}
          </p>
        )}
        <Field label="Name" name="name" error={error}>
          {(props) => (
            <input {...props} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          )}
        </Field>
        <Field label="E-mail" name="email" error={error}>
          {(props) => (
            <input
              {...props}
              type="email"
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.target.value })}
            />
          )}
        </Field>
        <Field label="Role" name="role" error={error}>
          {(props) => (
            <select
              {...props}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as NewUser['role'] })}
            >
              <option value="AGENT">Agent</option>
              <option value="ADMIN">Admin</option>
            </select>
          )}
        </Field>
        <Field
          label="Initial password"
          name="password"
          error={error}
          hint="At least 10 characters; tell it to them in person."
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
            />
          )}
        </Field>
        <button type="submit">Invite</button>
      </form>
    </section>
  );
}
