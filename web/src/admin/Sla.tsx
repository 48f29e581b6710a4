import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../api/client';
import { DeskApi, WEEKDAYS, type SlaCalendar, type SlaPolicy, type SlaPolicyRequest, type Weekday } from '../api/desk';
import { ApiError } from '../api/problem';
import { PRIORITIES, label, type TicketPriority } from '../api/tickets';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { Manager, StaleNotice, isStale } from './Manager';
import { Choices, joinList, optional, splitList, useDeskPeople } from './ruleFields';

/** Working hours as typed: one line per weekday ("09:00-12:00, 13:00-17:00"), holidays one per line. */
interface CalendarForm {
  zone: string;
  hours: Record<Weekday, string>;
  holidays: string;
}

const OFFICE: CalendarForm = {
  zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  hours: Object.fromEntries(
    WEEKDAYS.map((day) => [day, day === 'SATURDAY' || day === 'SUNDAY' ? '' : '09:00-17:00']),
  ) as Record<Weekday, string>,
  holidays: '',
};

function calendarForm(calendar: SlaCalendar): CalendarForm {
  return {
    zone: calendar.zone,
    hours: Object.fromEntries(WEEKDAYS.map((day) => [day, joinList(calendar.hours[day])])) as Record<Weekday, string>,
    holidays: calendar.holidays.join('\n'),
  };
}

function calendarOf(form: CalendarForm): SlaCalendar {
  return {
    zone: form.zone.trim(),
    hours: Object.fromEntries(
      WEEKDAYS.map((day): [Weekday, string[]] => [day, splitList(form.hours[day])]).filter(
        ([, windows]) => windows.length > 0,
      ),
    ),
    holidays: splitList(form.holidays),
  };
}

/**
 * The tenant's business calendar (GET/PUT/DELETE /api/admin/sla/calendar): SLA targets count
 * business time inside these hours; without a calendar every hour counts (24×7).
 */
function Calendar() {
  const api = useApi(DeskApi);
  // the calendar as read, with its ETag: a save or clear sends it back as If-Match
  const [stored, setStored] = useState<ApiResponse<SlaCalendar> | null | undefined>(undefined);
  const [form, setForm] = useState<CalendarForm>(OFFICE);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const zones = Intl.supportedValuesOf('timeZone');
  const calendar = stored === undefined ? undefined : (stored?.data ?? null);

  const load = useCallback(() => {
    api.calendar().then((answer) => {
      setStored(answer);
      setForm(answer ? calendarForm(answer.data) : OFFICE);
    }, setError);
  }, [api]);

  useEffect(load, [load]);

  const run = async (change: () => Promise<ApiResponse<SlaCalendar> | null>, message: string) => {
    setError(null);
    setDone('');
    try {
      const answer = await change();
      setStored(answer);
      if (answer) {
        setForm(calendarForm(answer.data));
      }
      setDone(message);
    } catch (failure) {
      setError(failure);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.saveCalendar(calendarOf(form), stored?.etag ?? null), 'The calendar is saved.');
  };

  const clear = () =>
    void run(async () => {
      await api.clearCalendar(stored?.etag ?? '');
      return null;
    }, 'Every hour now counts (24×7).');

  const reload = () => {
    setError(null);
    setDone('');
    load();
  };

  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">Business hours</h2>
      {calendar === undefined && !error && <p role="status">Loading…</p>}
      {calendar === null && <p>Now: 24×7 — every hour counts towards the SLA targets.</p>}
      {calendar && <p>Now: business hours in {calendar.zone}.</p>}
      <form onSubmit={save} noValidate className="narrow" aria-label="Business hours">
        <ErrorMessage
          error={error}
          shownFields={['zone', 'hours', 'holidays', ...WEEKDAYS.map((day) => `hours.${day}`)]}
        />
        {isStale(error) && <StaleNotice what="the business hours" onReload={reload} />}
        {done && (
          <p role="status" className="notice">
            {done}
          </p>
        )}
        <Field label="Time zone" name="zone" error={error}>
          {(props) => (
            <input
              {...props}
              list="sla-zones"
              value={form.zone}
              onChange={(e) => setForm({ ...form, zone: e.target.value })}
            />
          )}
        </Field>
        <datalist id="sla-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <fieldset className="choices column">
          <legend>Working hours</legend>
          <p className="hint">Per weekday, windows like 09:00-12:00, 13:00-17:00; empty: closed that day.</p>
          {error instanceof ApiError && error.fieldError('hours') && (
            <p className="field-error">{error.fieldError('hours')}</p>
          )}
          {WEEKDAYS.map((day) => (
            <Field key={day} label={label(day)} name={`hours.${day}`} error={error}>
              {(props) => (
                <input
                  {...props}
                  value={form.hours[day]}
                  onChange={(e) => setForm({ ...form, hours: { ...form.hours, [day]: e.target.value } })}
                />
              )}
            </Field>
          ))}
        </fieldset>
        <Field label="Holidays" name="holidays" error={error} hint="One date per line, like 2026-12-25.">
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={form.holidays}
              onChange={(e) => setForm({ ...form, holidays: e.target.value })}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit">Save business hours</button>
          {calendar && (
            <button type="button" className="secondary" onClick={clear}>
              Use 24×7 instead
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

type OnBreach = 'keep' | 'reassign' | 'unassign';

interface PolicyForm {
  name: string;
  order: string;
  priorities: TicketPriority[];
  category: string;
  tags: string;
  firstResponseMinutes: string;
  resolutionMinutes: string;
  atRiskMinutes: string;
  raisePriority: boolean;
  onBreach: OnBreach;
  assigneeId: string;
}

const BLANK: PolicyForm = {
  name: '',
  order: '',
  priorities: [],
  category: '',
  tags: '',
  firstResponseMinutes: '',
  resolutionMinutes: '',
  atRiskMinutes: '30',
  raisePriority: false,
  onBreach: 'keep',
  assigneeId: '',
};

function policyForm(policy: SlaPolicy): PolicyForm {
  const escalation = policy.escalation ?? {};
  return {
    name: policy.name,
    order: String(policy.order),
    priorities: policy.priorities,
    category: policy.category ?? '',
    tags: joinList(policy.tags),
    firstResponseMinutes: policy.firstResponseMinutes?.toString() ?? '',
    resolutionMinutes: policy.resolutionMinutes?.toString() ?? '',
    atRiskMinutes: String(policy.atRiskMinutes),
    raisePriority: escalation.raisePriority ?? false,
    onBreach: escalation.assigneeId ? 'reassign' : escalation.unassign ? 'unassign' : 'keep',
    assigneeId: escalation.assigneeId ?? '',
  };
}

/** A number as typed, or nothing when empty (the server then names the missing field). */
function numberOf(text: string): number | undefined {
  return optional(text) === undefined ? undefined : Number(text);
}

function policyOf(form: PolicyForm): SlaPolicyRequest {
  return {
    name: form.name.trim(),
    order: numberOf(form.order),
    priorities: form.priorities,
    category: optional(form.category),
    tags: splitList(form.tags),
    firstResponseMinutes: numberOf(form.firstResponseMinutes),
    resolutionMinutes: numberOf(form.resolutionMinutes),
    atRiskMinutes: numberOf(form.atRiskMinutes),
    escalation: {
      raisePriority: form.raisePriority,
      ...(form.onBreach === 'reassign' ? { assigneeId: form.assigneeId } : {}),
      ...(form.onBreach === 'unassign' ? { unassign: true } : {}),
    },
  };
}

function target(name: string, value: number | undefined): string | null {
  return value === undefined ? null : `${name} in ${value} min`;
}

/** SLA policies by order (GET/POST/PUT/DELETE /api/admin/sla/policies): the first that covers a ticket applies. */
function Policies() {
  const api = useApi(DeskApi);
  const { staff } = useDeskPeople();
  return (
    <Manager<SlaPolicy, SlaPolicyRequest, PolicyForm>
      title="SLA policies"
      noun="policy"
      collection={api.policies}
      empty="No SLA policies yet: tickets have no targets."
      blank={BLANK}
      toForm={policyForm}
      toRequest={policyOf}
      summary={(policy) => (
        <span>
          Order {policy.order} · {policy.priorities.map(label).join(', ')}
          {policy.category && ` · ${policy.category}`}
          {policy.tags && policy.tags.length > 0 && ` · tags ${policy.tags.join(', ')}`} ·{' '}
          {[target('first response', policy.firstResponseMinutes), target('resolution', policy.resolutionMinutes)]
            .filter(Boolean)
            .join(', ')}
        </span>
      )}
      shownFields={[
        'name',
        'order',
        'priorities',
        'category',
        'tags',
        'firstResponseMinutes',
        'resolutionMinutes',
        'atRiskMinutes',
        'escalation',
        'escalation.assigneeId',
      ]}
      fields={(form, change, error) => {
        const text = (name: keyof PolicyForm, title: string, hint?: string, type = 'text') => (
          <Field label={title} name={name} error={error} hint={hint}>
            {(props) => (
              <input
                {...props}
                type={type}
                value={form[name] as string}
                onChange={(e) => change({ ...form, [name]: e.target.value })}
              />
            )}
          </Field>
        );
        return (
          <>
            {text('name', 'Name')}
            {text('order', 'Order', 'The covering policy with the lowest order applies.', 'number')}
            <Choices
              legend="Priorities"
              name="priorities"
              options={PRIORITIES}
              value={form.priorities}
              onChange={(priorities) => change({ ...form, priorities })}
              error={error}
            />
            {text('category', 'Category', 'Empty: any category.')}
            {text('tags', 'Tags', 'The ticket must carry all of them; separated by spaces or commas.')}
            {text('firstResponseMinutes', 'First response target (business minutes)', undefined, 'number')}
            {text('resolutionMinutes', 'Resolution target (business minutes)', undefined, 'number')}
            {text('atRiskMinutes', 'At risk this many minutes before due', 'Less than every target.', 'number')}
            <fieldset className="choices column">
              <legend>On breach</legend>
              <label>
                <input
                  type="checkbox"
                  checked={form.raisePriority}
                  onChange={(e) => change({ ...form, raisePriority: e.target.checked })}
                />{' '}
                Raise the priority one step
              </label>
              {(
                [
                  ['keep', 'Keep the assignee'],
                  ['reassign', 'Reassign to an agent'],
                  ['unassign', 'Unassign'],
                ] as [OnBreach, string][]
              ).map(([value, title]) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="on-breach"
                    checked={form.onBreach === value}
                    onChange={() => change({ ...form, onBreach: value })}
                  />{' '}
                  {title}
                </label>
              ))}
              {form.onBreach === 'reassign' && (
                <Field label="Agent" name="escalation.assigneeId" error={error}>
                  {(props) => (
                    <select
                      {...props}
                      value={form.assigneeId}
                      onChange={(e) => change({ ...form, assigneeId: e.target.value })}
                    >
                      <option value="">Choose an agent…</option>
                      {staff.map((user) => (
                        <option key={user.id} value={user.id}>
                          {user.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              )}
            </fieldset>
          </>
        );
      }}
    />
  );
}

/** SLA: the business calendar and the policies. */
export function Sla() {
  return (
    <>
      <Calendar />
      <Policies />
    </>
  );
}
