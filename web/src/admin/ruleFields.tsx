import { useEffect, useId, useState } from 'react';
import { AdminApi, type UserView } from '../api/admin';
import { DeskApi, type Group, type TicketActions } from '../api/desk';
import { ApiError } from '../api/problem';
import { PRIORITIES, STATUSES, label, type TicketPriority, type TicketStatus } from '../api/tickets';
import { useApi } from '../api/useTicketApi';
import { Field } from '../ui/Field';

/** "a, b c" → ["a", "b", "c"]: tags and categories are typed as one line. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
}

/** A list as a line for an input; categories may hold spaces, so they are joined with commas. */
export function joinList(values: string[] | undefined): string {
  return (values ?? []).join(', ');
}

/** The value when set, or nothing (so an empty input sends no field). */
export function optional(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim();
}

/** A set of checkboxes, e.g. the priorities a rule covers, with the server's message for the field. */
export function Choices<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  format = label,
}: {
  legend: string;
  name: string;
  options: readonly V[];
  value: V[];
  onChange: (value: V[]) => void;
  error: unknown;
  format?: (value: V) => string;
}) {
  const id = useId();
  const message = error instanceof ApiError ? error.fieldError(name) : undefined;
  return (
    <fieldset className="choices" aria-describedby={message ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type="checkbox"
            checked={value.includes(option)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, option] : value.filter((chosen) => chosen !== option))
            }
          />
          {format(option)}
        </label>
      ))}
      {message && (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      )}
    </fieldset>
  );
}

/** The tenant's groups and active agents and admins, for the pickers of rules. */
export function useDeskPeople(): { groups: Group[]; staff: UserView[] } {
  const desk = useApi(DeskApi);
  const admin = useApi(AdminApi);
  const [groups, setGroups] = useState<Group[]>([]);
  const [staff, setStaff] = useState<UserView[]>([]);
  useEffect(() => {
    desk.groups.list().then(
      ({ items }) => setGroups(items),
      () => undefined,
    );
    Promise.all([admin.users('AGENT'), admin.users('ADMIN')]).then(
      (pages) => setStaff(pages.flatMap((page) => page.items).filter((user) => user.active)),
      () => undefined,
    );
  }, [desk, admin]);
  return { groups, staff };
}

/** What a macro or trigger does, as the form holds it (text inputs). */
export interface ActionsForm {
  status: string;
  priority: string;
  category: string;
  addTags: string;
  removeTags: string;
  groupId: string;
}

export const NO_ACTIONS: ActionsForm = {
  status: '',
  priority: '',
  category: '',
  addTags: '',
  removeTags: '',
  groupId: '',
};

export function actionsForm(actions: TicketActions | undefined): ActionsForm {
  return {
    status: actions?.status ?? '',
    priority: actions?.priority ?? '',
    category: actions?.category ?? '',
    addTags: joinList(actions?.addTags),
    removeTags: joinList(actions?.removeTags),
    groupId: actions?.groupId ?? '',
  };
}

/** The actions to send: only those set. */
export function actionsOf(form: ActionsForm): TicketActions {
  const addTags = splitList(form.addTags);
  const removeTags = splitList(form.removeTags);
  return {
    ...(form.status ? { status: form.status as TicketStatus } : {}),
    ...(form.priority ? { priority: form.priority as TicketPriority } : {}),
    ...(optional(form.category) ? { category: optional(form.category) } : {}),
    ...(addTags.length > 0 ? { addTags } : {}),
    ...(removeTags.length > 0 ? { removeTags } : {}),
    ...(form.groupId ? { groupId: form.groupId } : {}),
  };
}

export const ACTION_FIELDS = ['status', 'priority', 'category', 'addTags', 'removeTags', 'groupId'].map(
  (name) => `actions.${name}`,
);

/** The inputs of a rule's actions (status only for macros: a trigger may not set it). */
export function ActionsFields({
  value,
  onChange,
  error,
  groups,
  withStatus,
}: {
  value: ActionsForm;
  onChange: (value: ActionsForm) => void;
  error: unknown;
  groups: Group[];
  withStatus: boolean;
}) {
  const set = (name: keyof ActionsForm) => (text: string) => onChange({ ...value, [name]: text });
  const unchanged = <option value="">Leave as it is</option>;
  return (
    <fieldset className="choices column">
      <legend>Actions</legend>
      {withStatus && (
        <Field label="Set status" name="actions.status" error={error}>
          {(props) => (
            <select {...props} value={value.status} onChange={(e) => set('status')(e.target.value)}>
              {unchanged}
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {label(status)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Set priority" name="actions.priority" error={error}>
        {(props) => (
          <select {...props} value={value.priority} onChange={(e) => set('priority')(e.target.value)}>
            {unchanged}
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {label(priority)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Set category" name="actions.category" error={error}>
        {(props) => <input {...props} value={value.category} onChange={(e) => set('category')(e.target.value)} />}
      </Field>
      <Field label="Add tags" name="actions.addTags" error={error} hint="Words separated by spaces or commas.">
        {(props) => <input {...props} value={value.addTags} onChange={(e) => set('addTags')(e.target.value)} />}
      </Field>
      <Field label="Remove tags" name="actions.removeTags" error={error}>
        {(props) => <input {...props} value={value.removeTags} onChange={(e) => set('removeTags')(e.target.value)} />}
      </Field>
      <Field label="Move to group" name="actions.groupId" error={error}>
        {(props) => (
          <select {...props} value={value.groupId} onChange={(e) => set('groupId')(e.target.value)}>
            {unchanged}
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}

/** What the actions do, in words: "Status Pending, priority High, add tags vip". */
export function summarise(actions: TicketActions | undefined, groups: Group[]): string {
  if (!actions) {
    return 'no changes';
  }
  const parts = [
    actions.status && `status ${label(actions.status)}`,
    actions.priority && `priority ${label(actions.priority)}`,
    actions.category !== undefined && `category ${actions.category || 'none'}`,
    actions.addTags && `add tags ${actions.addTags.join(', ')}`,
    actions.removeTags && `remove tags ${actions.removeTags.join(', ')}`,
    actions.groupId && `to group ${groups.find((group) => group.id === actions.groupId)?.name ?? 'a removed group'}`,
  ].filter(Boolean);
  return parts.length > 0 ? `Sets ${parts.join(', ')}` : 'no changes';
}

/** The name input every rule form starts with. */
export function NameField<F extends { name: string }>({
  form,
  change,
  error,
}: {
  form: F;
  change: (form: F) => void;
  error: unknown;
}) {
  return (
    <Field label="Name" name="name" error={error}>
      {(props) => <input {...props} value={form.name} onChange={(e) => change({ ...form, name: e.target.value })} />}
    </Field>
  );
}
