import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UserView } from '../api/admin';
import { fakeGateway, json, renderAt, signedInSession, type Call } from '../test/harness';
import Admin from './Admin';

const people: UserView[] = [
  {
    id: 'u1',
    email: 'ann@demo.test',
    name: 'Ann Agent',
    role: 'AGENT',
    active: true,
    createdAt: '2026-11-01T10:00:00Z',
  },
  { id: 'u2', email: 'bo@demo.test', name: 'Bo Agent', role: 'AGENT', active: true, createdAt: '2026-11-01T10:00:00Z' },
];

const invalid = (errors: { field: string; message: string }[]) =>
  json({ title: 'Invalid request', status: 400, detail: 'Some fields are not valid.', errors }, { status: 400 });

type Item = { id: string; name: string } & Record<string, unknown>;

/** A collection endpoint kept in memory: list, create, replace, delete; `refuse` answers a save instead. */
function collection(path: string, items: Item[], refuse?: (call: Call) => Response | undefined) {
  const saved: unknown[] = [];
  const save = (id: string | undefined) => (call: Call) => {
    const refused = refuse?.(call);
    if (refused) {
      return refused;
    }
    saved.push(call.body);
    const item = { ...(call.body as Item), id: id ?? `new-${items.length}` };
    const index = items.findIndex((existing) => existing.id === item.id);
    items.splice(index < 0 ? items.length : index, index < 0 ? 0 : 1, item);
    return json(item, { status: id ? 200 : 201 });
  };
  const routes: Record<string, (call: Call) => Response> = {
    [`GET ${path}`]: () => json({ items }),
    [`POST ${path}`]: save(undefined),
  };
  items.forEach(({ id }) => {
    routes[`PUT ${path}/${id}`] = save(id);
    routes[`DELETE ${path}/${id}`] = () => {
      items.splice(
        items.findIndex((item) => item.id === id),
        1,
      );
      return new Response(null, { status: 204 });
    };
  });
  return { routes, saved };
}

function show(path: string, routes: Record<string, (call: Call) => Response>) {
  const gateway = fakeGateway({
    'GET /api/admin/users': (call) => json({ items: call.url.searchParams.get('role') === 'AGENT' ? people : [] }),
    'GET /api/admin/groups': () =>
      json({ items: [{ id: 'g1', name: 'Billing', routing: 'ROUND_ROBIN', capacity: 5, members: ['u1'] }] }),
    ...routes,
  });
  renderAt(<Admin />, { path, route: '/admin/*', session: signedInSession(['ADMIN'], 'a1'), fetchFn: gateway.fetchFn });
  return gateway;
}

describe('Groups', () => {
  it('lists groups with their members and creates one with members picked from the agents', async () => {
    const groups = collection('/api/admin/groups', [
      { id: 'g1', name: 'Billing', routing: 'ROUND_ROBIN', capacity: 5, members: ['u1'] },
    ]);
    show('/admin/groups', groups.routes);

    const list = await screen.findByRole('list', { name: 'Groups' });
    await within(list).findByText(/Ann Agent/);
    expect(list).toHaveTextContent('Round robin (members in turn) · at most 5 open tickets each · Ann Agent');

    await userEvent.click(screen.getByRole('button', { name: 'New group' }));
    await userEvent.type(screen.getByLabelText('Name'), 'Hardware');
    await userEvent.selectOptions(screen.getByLabelText('Routing'), 'LEAST_LOADED');
    await userEvent.clear(screen.getByLabelText('Capacity'));
    await userEvent.type(screen.getByLabelText('Capacity'), '3');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Bo Agent' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save group' }));

    expect(await screen.findByText('Saved group “Hardware”.')).toBeVisible();
    expect(groups.saved).toEqual([{ name: 'Hardware', routing: 'LEAST_LOADED', capacity: 3, members: ['u2'] }]);
    expect(await screen.findByText('Hardware')).toBeVisible();
  });

  it('shows a taken name next to the field and deletes only after confirming', async () => {
    const groups = collection(
      '/api/admin/groups',
      [{ id: 'g1', name: 'Billing', routing: 'ROUND_ROBIN', capacity: 5, members: [] }],
      () => json({ title: 'Conflict', status: 409, detail: 'A group named Billing already exists.' }, { status: 409 }),
    );
    const gateway = show('/admin/groups', groups.routes);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Billing' }));
    expect(screen.getByRole('heading', { name: 'Edit “Billing”' })).toHaveFocus();
    expect(screen.getByLabelText('Name')).toHaveValue('Billing');
    await userEvent.click(screen.getByRole('button', { name: 'Save group' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A group named Billing already exists.');

    await userEvent.click(screen.getByRole('button', { name: 'Delete Billing' }));
    expect(gateway.calls.some((call) => call.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete Billing' }));

    expect(await screen.findByText('Deleted group “Billing”.')).toBeVisible();
    expect(await screen.findByText('No groups yet. A group routes its tickets to its members.')).toBeVisible();
  });
});

describe('Macros', () => {
  it('writes a macro with actions and a reply; an unknown placeholder is shown at the reply', async () => {
    let attempt = 0;
    const macros = collection('/api/admin/macros', [], () =>
      ++attempt === 1 ? invalid([{ field: 'reply.body', message: 'unknown placeholders [ticket.owner]' }]) : undefined,
    );
    show('/admin/macros', macros.routes);
    expect(await screen.findByText(/No macros yet/)).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'New macro' }));
    await userEvent.type(screen.getByLabelText('Name'), 'Ask for logs');
    await userEvent.selectOptions(screen.getByLabelText('Set status'), 'PENDING');
    await userEvent.type(screen.getByLabelText('Add tags'), 'logs, waiting');
    await userEvent.selectOptions(screen.getByLabelText('Move to group'), 'Billing');
    await userEvent.type(screen.getByLabelText('Reply'), 'Hi {{{{ticket.owner}}');
    await userEvent.click(screen.getByRole('checkbox', { name: /internal note/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save macro' }));

    expect(await screen.findByText('unknown placeholders [ticket.owner]')).toBeVisible();
    expect(screen.getByLabelText('Reply')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(screen.getByLabelText('Reply'));
    await userEvent.type(screen.getByLabelText('Reply'), 'Hi {{{{requester.name}}, please send the logs.');
    await userEvent.click(screen.getByRole('button', { name: 'Save macro' }));

    expect(await screen.findByText('Saved macro “Ask for logs”.')).toBeVisible();
    expect(macros.saved).toEqual([
      {
        name: 'Ask for logs',
        actions: { status: 'PENDING', addTags: ['logs', 'waiting'], groupId: 'g1' },
        reply: { body: 'Hi {{requester.name}}, please send the logs.', internal: true },
      },
    ]);
    expect(
      await screen.findByText('Sets status Pending, add tags logs, waiting, to group Billing · adds an internal note'),
    ).toBeVisible();
  });
});

describe('Triggers', () => {
  it('lists triggers in run order and edits one: conditions and actions sent, position kept', async () => {
    const triggers = collection('/api/admin/triggers', [
      {
        id: 'r1',
        name: 'Urgent billing',
        event: 'CREATED',
        active: true,
        position: 0,
        conditions: { priority: ['URGENT'], category: ['billing'] },
        actions: { groupId: 'g1' },
      },
      {
        id: 'r2',
        name: 'Tag VIPs',
        event: 'CREATED_OR_UPDATED',
        active: false,
        position: 1,
        actions: { addTags: ['vip'] },
      },
    ]);
    show('/admin/triggers', triggers.routes);

    const list = await screen.findByRole('list', { name: 'Triggers' });
    const [first, second] = await within(list).findAllByRole('listitem');
    expect(first).toHaveTextContent('Position 0 · Active · when a ticket is created');
    expect(second).toHaveTextContent('Position 1 · Inactive · when a ticket is created or changed · Sets add tags vip');

    await userEvent.click(screen.getByRole('button', { name: 'Edit Urgent billing' }));
    expect(screen.getByRole('checkbox', { name: 'Urgent' })).toBeChecked();
    expect(screen.queryByLabelText('Set status')).toBeNull();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Email' }));
    await userEvent.type(screen.getByLabelText('Subject contains'), 'invoice');
    await userEvent.selectOptions(screen.getByLabelText('Set priority'), 'HIGH');
    await userEvent.click(screen.getByRole('button', { name: 'Save trigger' }));

    await vi.waitFor(() =>
      expect(triggers.saved).toEqual([
        {
          name: 'Urgent billing',
          event: 'CREATED',
          active: true,
          position: 0,
          conditions: { priority: ['URGENT'], channel: ['EMAIL'], category: ['billing'], subjectContains: 'invoice' },
          actions: { priority: 'HIGH', groupId: 'g1' },
        },
      ]),
    );
  });

  it('shows a refused condition next to its input', async () => {
    const triggers = collection('/api/admin/triggers', [], () =>
      invalid([
        { field: 'actions', message: 'at least one action' },
        { field: 'conditions.tags', message: 'not a tag: a b!' },
      ]),
    );
    show('/admin/triggers', triggers.routes);

    await userEvent.click(await screen.findByRole('button', { name: 'New trigger' }));
    await userEvent.type(screen.getByLabelText('Name'), 'Odd');
    await userEvent.type(screen.getByLabelText('Has all the tags'), 'b!');
    await userEvent.click(screen.getByRole('button', { name: 'Save trigger' }));

    expect(await screen.findByText('not a tag: a b!')).toBeVisible();
    expect(screen.getByLabelText('Has all the tags')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('actions: at least one action');
  });
});

describe('SLA', () => {
  it('starts from 24×7, saves business hours, and shows a refused window at its weekday', async () => {
    let calendar: unknown = null;
    const puts: unknown[] = [];
    show('/admin/sla', {
      'GET /api/admin/sla/calendar': () =>
        calendar ? json(calendar) : json({ title: 'Not found', status: 404 }, { status: 404 }),
      'PUT /api/admin/sla/calendar': (call) => {
        puts.push(call.body);
        const body = call.body as { hours: Record<string, string[]> };
        if (body.hours.MONDAY?.includes('17:00-09:00')) {
          return invalid([{ field: 'hours.MONDAY', message: 'window 17:00-09:00 must start before it ends' }]);
        }
        calendar = call.body;
        return json(calendar);
      },
      'DELETE /api/admin/sla/calendar': () => {
        calendar = null;
        return new Response(null, { status: 204 });
      },
      ...collection('/api/admin/sla/policies', []).routes,
    });

    expect(await screen.findByText(/Now: 24×7/)).toBeVisible();
    await userEvent.clear(screen.getByLabelText('Time zone'));
    await userEvent.type(screen.getByLabelText('Time zone'), 'Europe/Berlin');
    await userEvent.clear(screen.getByLabelText('Monday'));
    await userEvent.type(screen.getByLabelText('Monday'), '17:00-09:00');
    await userEvent.type(screen.getByLabelText('Holidays'), '2026-12-25{Enter}2026-12-26');
    await userEvent.click(screen.getByRole('button', { name: 'Save business hours' }));

    expect(await screen.findByText('window 17:00-09:00 must start before it ends')).toBeVisible();
    expect(screen.getByLabelText('Monday')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(screen.getByLabelText('Monday'));
    await userEvent.type(screen.getByLabelText('Monday'), '09:00-12:00, 13:00-17:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save business hours' }));

    expect(await screen.findByText('Now: business hours in Europe/Berlin.')).toBeVisible();
    expect(puts.at(-1)).toEqual({
      zone: 'Europe/Berlin',
      hours: {
        MONDAY: ['09:00-12:00', '13:00-17:00'],
        TUESDAY: ['09:00-17:00'],
        WEDNESDAY: ['09:00-17:00'],
        THURSDAY: ['09:00-17:00'],
        FRIDAY: ['09:00-17:00'],
      },
      holidays: ['2026-12-25', '2026-12-26'],
    });

    await userEvent.click(screen.getByRole('button', { name: 'Use 24×7 instead' }));
    expect(await screen.findByText(/Now: 24×7/)).toBeVisible();
  });

  it('writes the calendar back with the version read, and explains a refused stale save', async () => {
    let stored = { zone: 'UTC', hours: { MONDAY: ['09:00-17:00'] }, holidays: [] as string[] };
    let version = 1;
    const etag = () => ({ headers: { ETag: `"${version}"` } });
    const gateway = {
      'GET /api/admin/sla/calendar': () => json(stored, etag()),
      'PUT /api/admin/sla/calendar': (call: Call) => {
        if (call.headers['If-Match'] !== `"${version}"`) {
          return json(
            { title: 'Precondition failed', status: 412, detail: 'The business calendar changed.' },
            { status: 412 },
          );
        }
        stored = call.body as typeof stored;
        version += 1;
        return json(stored, etag());
      },
      'DELETE /api/admin/sla/calendar': (call: Call) =>
        call.headers['If-Match'] === `"${version}"` ? new Response(null, { status: 204 }) : json({}, { status: 412 }),
      ...collection('/api/admin/sla/policies', []).routes,
    };
    show('/admin/sla', gateway);

    expect(await screen.findByText('Now: business hours in UTC.')).toBeVisible();
    // another admin saves meanwhile
    stored = { ...stored, zone: 'Europe/Berlin' };
    version = 2;
    await userEvent.clear(screen.getByLabelText('Tuesday'));
    await userEvent.type(screen.getByLabelText('Tuesday'), '10:00-12:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save business hours' }));

    expect(await screen.findByText(/Someone else changed the business hours/)).toBeVisible();
    expect(stored.zone).toBe('Europe/Berlin');
    await userEvent.click(screen.getByRole('button', { name: 'Load the current version' }));
    expect(await screen.findByText('Now: business hours in Europe/Berlin.')).toBeVisible();
    expect(screen.getByLabelText('Time zone')).toHaveValue('Europe/Berlin');

    await userEvent.type(screen.getByLabelText('Tuesday'), '10:00-12:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save business hours' }));
    expect(await screen.findByText('The calendar is saved.')).toBeVisible();
    expect(stored.hours).toEqual({ MONDAY: ['09:00-17:00'], TUESDAY: ['10:00-12:00'] });
    await userEvent.click(screen.getByRole('button', { name: 'Use 24×7 instead' }));
    expect(await screen.findByText(/Now: 24×7/)).toBeVisible();
  });

  it('replaces and deletes a policy with the version read, and reloads it after a refused stale save', async () => {
    const base = { id: 'p1', order: 1, priorities: ['URGENT'], firstResponseMinutes: 60, atRiskMinutes: 15 };
    let policy = { ...base, name: 'Urgent', version: 3, updatedAt: '2026-11-23T10:00:00Z' };
    const puts: Call[] = [];
    const deletes: Call[] = [];
    show('/admin/sla', {
      'GET /api/admin/sla/calendar': () => json({ title: 'Not found', status: 404 }, { status: 404 }),
      'GET /api/admin/sla/policies': () => json({ items: [policy] }),
      'PUT /api/admin/sla/policies/p1': (call) => {
        puts.push(call);
        if (call.headers['If-Match'] !== `"${policy.version}"`) {
          return json(
            { title: 'Precondition failed', status: 412, detail: 'The SLA policy changed since you read it.' },
            { status: 412 },
          );
        }
        policy = { ...policy, ...(call.body as object), version: policy.version + 1 };
        return json(policy, { headers: { ETag: `"${policy.version}"` } });
      },
      'DELETE /api/admin/sla/policies/p1': (call) => {
        deletes.push(call);
        return new Response(null, { status: 204 });
      },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Urgent' }));
    // another admin renames it meanwhile
    policy = { ...policy, name: 'Urgent (24×7)', version: 4 };
    await userEvent.clear(screen.getByLabelText('First response target (business minutes)'));
    await userEvent.type(screen.getByLabelText('First response target (business minutes)'), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    expect(await screen.findByText('The SLA policy changed since you read it.')).toBeVisible();
    expect(puts[0]?.headers['If-Match']).toBe('"3"');
    await userEvent.click(screen.getByRole('button', { name: 'Load the current version' }));
    expect(await screen.findByLabelText('Name')).toHaveValue('Urgent (24×7)');

    await userEvent.clear(screen.getByLabelText('First response target (business minutes)'));
    await userEvent.type(screen.getByLabelText('First response target (business minutes)'), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Saved policy “Urgent (24×7)”.')).toBeVisible();
    expect(puts[1]?.headers['If-Match']).toBe('"4"');
    expect(policy).toMatchObject({ firstResponseMinutes: 30, version: 5 });

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Urgent (24×7)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete Urgent (24×7)' }));
    await vi.waitFor(() => expect(deletes[0]?.headers['If-Match']).toBe('"5"'));
  });

  it('creates a policy with targets and an escalation, and shows field errors from the server', async () => {
    let attempt = 0;
    const policies = collection('/api/admin/sla/policies', [], () =>
      ++attempt === 1 ? invalid([{ field: 'atRiskMinutes', message: 'must be below every target' }]) : undefined,
    );
    show('/admin/sla', {
      'GET /api/admin/sla/calendar': () => json({ title: 'Not found', status: 404 }, { status: 404 }),
      ...policies.routes,
    });

    await userEvent.click(await screen.findByRole('button', { name: 'New policy' }));
    await userEvent.type(screen.getByLabelText('Name'), 'Urgent');
    await userEvent.type(screen.getByLabelText('Order'), '10');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Urgent' }));
    await userEvent.type(screen.getByLabelText('Tags'), 'vip');
    await userEvent.type(screen.getByLabelText('First response target (business minutes)'), '30');
    await userEvent.type(screen.getByLabelText('Resolution target (business minutes)'), '240');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Raise the priority one step' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Reassign to an agent' }));
    await userEvent.selectOptions(await screen.findByLabelText('Agent'), 'Bo Agent');
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    expect(await screen.findByText('must be below every target')).toBeVisible();
    await userEvent.clear(screen.getByLabelText('At risk this many minutes before due'));
    await userEvent.type(screen.getByLabelText('At risk this many minutes before due'), '10');
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    expect(await screen.findByText('Saved policy “Urgent”.')).toBeVisible();
    expect(policies.saved).toEqual([
      {
        name: 'Urgent',
        order: 10,
        priorities: ['URGENT'],
        tags: ['vip'],
        firstResponseMinutes: 30,
        resolutionMinutes: 240,
        atRiskMinutes: 10,
        escalation: { raisePriority: true, assigneeId: 'u2' },
      },
    ]);
    expect(
      await screen.findByText('Order 10 · Urgent · tags vip · first response in 30 min, resolution in 240 min'),
    ).toBeVisible();
  });
});
