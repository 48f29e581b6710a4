import {
  CHANNELS,
  DeskApi,
  TRIGGER_EVENTS,
  type Channel,
  type Trigger,
  type TriggerEvent,
  type TriggerRequest,
} from '../api/desk';
import { PRIORITIES, STATUSES, type TicketPriority, type TicketStatus } from '../api/tickets';
import { useApi } from '../api/useTicketApi';
import { Field } from '../ui/Field';
import { Manager } from './Manager';
import {
  ACTION_FIELDS,
  ActionsFields,
  Choices,
  NameField,
  actionsForm,
  actionsOf,
  joinList,
  optional,
  splitList,
  summarise,
  useDeskPeople,
  type ActionsForm,
} from './ruleFields';

interface TriggerForm {
  name: string;
  event: TriggerEvent;
  active: boolean;
  position: string;
  priority: TicketPriority[];
  status: TicketStatus[];
  channel: Channel[];
  category: string;
  tags: string;
  subjectContains: string;
  actions: ActionsForm;
}

const EVENT_LABELS: Record<TriggerEvent, string> = {
  CREATED: 'a ticket is created',
  UPDATED: 'a ticket is changed',
  CREATED_OR_UPDATED: 'a ticket is created or changed',
};

/** A list condition: sent only when something is chosen (an empty list is refused). */
function some<V>(values: V[]): V[] | undefined {
  return values.length > 0 ? values : undefined;
}

/** The conditions to send: only those set; none at all means every ticket of the event. */
function conditionsOf(form: TriggerForm): Pick<TriggerRequest, 'conditions'> {
  const conditions = Object.fromEntries(
    Object.entries({
      priority: some(form.priority),
      status: some(form.status),
      channel: some(form.channel),
      category: some(
        form.category
          .split(',')
          .map((text) => text.trim())
          .filter(Boolean),
      ),
      tags: some(splitList(form.tags)),
      subjectContains: optional(form.subjectContains),
    }).filter(([, value]) => value !== undefined),
  );
  return Object.keys(conditions).length > 0 ? { conditions } : {};
}

/**
 * Triggers (GET/POST/PUT/DELETE /api/admin/triggers) in the order they run: on an event, when the
 * conditions hold, they change the ticket in the same write.
 */
export function Triggers() {
  const api = useApi(DeskApi);
  const { groups } = useDeskPeople();
  return (
    <Manager<Trigger, TriggerRequest, TriggerForm>
      title="Triggers"
      noun="trigger"
      collection={api.triggers}
      empty="No triggers yet. A trigger changes tickets that match its conditions when they are created or changed."
      blank={{
        name: '',
        event: 'CREATED',
        active: true,
        position: '',
        priority: [],
        status: [],
        channel: [],
        category: '',
        tags: '',
        subjectContains: '',
        actions: actionsForm(undefined),
      }}
      toForm={(trigger) => ({
        name: trigger.name,
        event: trigger.event,
        active: trigger.active,
        position: String(trigger.position),
        priority: trigger.conditions?.priority ?? [],
        status: trigger.conditions?.status ?? [],
        channel: trigger.conditions?.channel ?? [],
        category: joinList(trigger.conditions?.category),
        tags: joinList(trigger.conditions?.tags),
        subjectContains: trigger.conditions?.subjectContains ?? '',
        actions: actionsForm(trigger.actions),
      })}
      toRequest={(form) => ({
        name: form.name.trim(),
        event: form.event,
        active: form.active,
        ...(optional(form.position) ? { position: Number(form.position) } : {}),
        ...conditionsOf(form),
        actions: actionsOf(form.actions),
      })}
      summary={(trigger) => (
        <span>
          Position {trigger.position} · {trigger.active ? 'Active' : 'Inactive'} · when {EVENT_LABELS[trigger.event]} ·{' '}
          {summarise(trigger.actions, groups)}
        </span>
      )}
      shownFields={[
        'name',
        'event',
        'position',
        ...['priority', 'status', 'channel', 'category', 'tags', 'subjectContains'].map((name) => `conditions.${name}`),
        ...ACTION_FIELDS,
      ]}
      fields={(form, change, error) => (
        <>
          <NameField form={form} change={change} error={error} />
          <Field label="Runs when" name="event" error={error}>
            {(props) => (
              <select
                {...props}
                value={form.event}
                onChange={(e) => change({ ...form, event: e.target.value as TriggerEvent })}
              >
                {TRIGGER_EVENTS.map((event) => (
                  <option key={event} value={event}>
                    {EVENT_LABELS[event]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label>
            <input
              type="checkbox"
              checked={form.active}
              onChange={(e) => change({ ...form, active: e.target.checked })}
            />{' '}
            Active
          </label>
          <Field
            label="Position in the run order"
            name="position"
            error={error}
            hint="0 runs first; empty keeps its place (new: last)."
          >
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                value={form.position}
                onChange={(e) => change({ ...form, position: e.target.value })}
              />
            )}
          </Field>
          <fieldset className="choices column">
            <legend>Conditions (all that are set must hold)</legend>
            <Choices
              legend="Priority is one of"
              name="conditions.priority"
              options={PRIORITIES}
              value={form.priority}
              onChange={(priority) => change({ ...form, priority })}
              error={error}
            />
            <Choices
              legend="Status is one of"
              name="conditions.status"
              options={STATUSES}
              value={form.status}
              onChange={(status) => change({ ...form, status })}
              error={error}
            />
            <Choices
              legend="Channel is one of"
              name="conditions.channel"
              options={CHANNELS}
              value={form.channel}
              onChange={(channel) => change({ ...form, channel })}
              error={error}
            />
            <Field label="Category is one of" name="conditions.category" error={error} hint="Separated by commas.">
              {(props) => (
                <input
                  {...props}
                  value={form.category}
                  onChange={(e) => change({ ...form, category: e.target.value })}
                />
              )}
            </Field>
            <Field label="Has all the tags" name="conditions.tags" error={error}>
              {(props) => (
                <input {...props} value={form.tags} onChange={(e) => change({ ...form, tags: e.target.value })} />
              )}
            </Field>
            <Field label="Subject contains" name="conditions.subjectContains" error={error}>
              {(props) => (
                <input
                  {...props}
                  value={form.subjectContains}
                  onChange={(e) => change({ ...form, subjectContains: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
          <ActionsFields
            value={form.actions}
            onChange={(actions) => change({ ...form, actions })}
            error={error}
            groups={groups}
            withStatus={false}
          />
        </>
      )}
    />
  );
}
