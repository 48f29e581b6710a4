import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Collection } from '../api/desk';
import { ApiError } from '../api/problem';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useKeysetList } from '../ui/useKeysetList';

/** A rule with a version (SLA policies) is written back with it; a 412 or 428 means it changed meanwhile. */
interface Rule {
  id: string;
  name: string;
  version?: number;
}

/** Whether a write was refused because someone else changed the resource since it was read. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.status === 428);
}

/** Explains a refused stale write and offers to load the current version (the edit is then made again). */
export function StaleNotice({ what, onReload }: { what: string; onReload: () => void }) {
  return (
    <p className="notice">
      Someone else changed {what} after you opened it, so your change was not saved.{' '}
      <button type="button" className="secondary small" onClick={onReload}>
        Load the current version
      </button>
    </p>
  );
}

export interface ManagerProps<T extends Rule, R, F> {
  /** The heading, e.g. "Groups". */
  title: string;
  /** One item in words, e.g. "group". */
  noun: string;
  collection: Collection<T, R>;
  /** Shown when the list is empty. */
  empty: string;
  blank: F;
  toForm(item: T): F;
  toRequest(form: F): R;
  /** One line under an item's name. */
  summary(item: T): ReactNode;
  /** The form's inputs; field errors of `error` go next to them. */
  fields(form: F, change: (form: F) => void, error: unknown): ReactNode;
  /** The field names `fields` shows errors for; the rest go in the alert. */
  shownFields: string[];
}

type Editing<F> = { id?: string; version?: number; name: string; form: F };

/**
 * A list of one kind of desk rule (groups, macros, triggers, SLA policies) in the server's order,
 * with an editor to create, change and delete them. The list is read again after every save, as
 * a change can move an item (order, position, name).
 */
export function Manager<T extends Rule, R, F>(props: ManagerProps<T, R, F>) {
  const { title, noun, collection } = props;
  const titleId = useId();
  const list = useKeysetList(title, () => collection.list());
  const [editing, setEditing] = useState<Editing<F> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rowError, setRowError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const opened = editing ? (editing.id ?? 'new') : null;

  // the editor opens under the list: take the keyboard there
  useEffect(() => {
    if (opened) {
      heading.current?.focus();
    }
  }, [opened]);

  const open = (next: Editing<F>) => {
    setEditing(next);
    setError(null);
    setDone('');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await collection.save(props.toRequest(editing.form), editing.id, editing.version);
      setEditing(null);
      setDone(`Saved ${noun} “${saved.name}”.`);
      list.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  // a stale edit: the editor shows the current version, for the change to be made again
  const reloadEditing = async () => {
    setError(null);
    try {
      const current = (await collection.list()).items.find((item) => item.id === editing?.id);
      setEditing(
        current ? { id: current.id, version: current.version, name: current.name, form: props.toForm(current) } : null,
      );
      list.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const remove = async (item: T) => {
    setRowError(null);
    try {
      await collection.remove(item.id, item.version);
      setConfirming(null);
      setDone(`Deleted ${noun} “${item.name}”.`);
      if (editing?.id === item.id) {
        setEditing(null);
      }
      list.reload();
    } catch (failure) {
      setRowError(failure);
      if (isStale(failure)) {
        // the list then shows what the other admin saved, and its version to delete
        list.reload();
      }
    }
  };

  return (
    <section aria-labelledby={titleId}>
      <div className="page-title">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={() => open({ name: '', form: props.blank })}>
          New {noun}
        </button>
      </div>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorMessage error={list.error ?? rowError} />
      {list.loading && list.items.length === 0 && <p role="status">Loading…</p>}
      {!list.loading && !list.error && list.items.length === 0 && <p className="empty">{props.empty}</p>}
      <ul className="ticket-list" aria-label={title}>
        {list.items.map((item) => (
          <li key={item.id}>
            <span>
              <strong>{item.name}</strong>
            </span>
            <span className="row-meta">
              {props.summary(item)}
              <button
                type="button"
                className="secondary small"
                onClick={() => open({ id: item.id, version: item.version, name: item.name, form: props.toForm(item) })}
              >
                Edit {item.name}
              </button>
              {confirming === item.id ? (
                <>
                  <button type="button" className="small" onClick={() => void remove(item)}>
                    Yes, delete {item.name}
                  </button>
                  <button type="button" className="secondary small" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </>
              ) : (
                <button type="button" className="secondary small" onClick={() => setConfirming(item.id)}>
                  Delete {item.name}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {editing && (
        <form
          onSubmit={save}
          noValidate
          className="narrow"
          aria-label={editing.id ? `Edit ${noun} ${editing.name}` : `New ${noun}`}
        >
          <h3 ref={heading} tabIndex={-1}>
            {editing.id ? `Edit “${editing.name}”` : `New ${noun}`}
          </h3>
          <ErrorMessage error={error} shownFields={props.shownFields} />
          {isStale(error) && <StaleNotice what={`this ${noun}`} onReload={() => void reloadEditing()} />}
          {props.fields(editing.form, (form) => setEditing({ ...editing, form }), error)}
          <div className="actions">
            <button type="submit" disabled={busy}>
              Save {noun}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
