import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ticket } from '../test/fixtures';
import { FakeSocket, fakeGateway, json, renderAt, signedInSession, type Call } from '../test/harness';
import { Queue } from './Queue';

const first = ticket({ id: 't1', subject: 'VPN drops every hour' });
const clock = {
  dueAt: '2026-11-23T12:00:00Z',
  atRiskAt: '2026-11-23T11:30:00Z',
  remainingSeconds: -600,
  atRisk: true,
  breached: true,
  paused: false,
  stopped: false,
};
const second = ticket({
  id: 't2',
  subject: 'Printer on floor 3 jams',
  priority: 'HIGH',
  sla: { applies: true, policyName: 'High', firstResponse: clock, resolution: { ...clock, breached: false } },
});
const third = ticket({ id: 't3', subject: 'Cannot reset my password' });
const arrived = ticket({ id: 't9', subject: 'Laptop will not boot', status: 'NEW' });

function gateway() {
  return fakeGateway({
    'GET /api/tickets': (call: Call) =>
      call.url.searchParams.get('cursor') === 'page-2'
        ? json({ items: [third] })
        : json({ items: [first, second], nextCursor: 'page-2' }),
    'GET /api/tickets/t9': () => json(arrived, { headers: { ETag: '"1"' } }),
  });
}

function show(path = '/console') {
  const fake = gateway();
  const view = renderAt(<Queue />, { path, route: '/console', session: signedInSession(), fetchFn: fake.fetchFn });
  return { ...view, calls: fake.calls };
}

const rows = () => within(screen.getByRole('list', { name: 'Tickets' })).getAllByRole('link');

describe('Queue', () => {
  it('lists all open tickets and pages on with the keyset cursor', async () => {
    const { calls } = show();

    expect(await screen.findByRole('link', { name: 'VPN drops every hour' })).toBeVisible();
    expect(calls[0]?.url.searchParams.get('status')).toBe('NEW,OPEN,PENDING');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'Cannot reset my password' })).toBeVisible();
    expect(calls.at(-1)?.url.searchParams.get('cursor')).toBe('page-2');
    expect(rows()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows the most urgent SLA clock of each ticket the list carries one for', async () => {
    show();
    await screen.findByRole('link', { name: 'VPN drops every hour' });
    const items = within(screen.getByRole('list', { name: 'Tickets' })).getAllByRole('listitem');

    expect(items[0]).not.toHaveTextContent('SLA');
    expect(items[1]).toHaveTextContent('SLA breached first response due');
  });

  it('asks the API for the view and the filters chosen', async () => {
    const { calls } = show();
    await screen.findByRole('link', { name: 'VPN drops every hour' });

    await userEvent.click(screen.getByRole('button', { name: 'Unassigned' }));
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'HIGH');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'printer{Enter}');

    await vi.waitFor(() => expect(calls.at(-1)?.url.searchParams.get('q')).toBe('printer'));
    const last = calls.at(-1)?.url.searchParams;
    expect(last?.get('assignee')).toBe('none');
    expect(last?.get('priority')).toBe('HIGH');
    expect(screen.getByRole('button', { name: 'Unassigned' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('moves through the list with j and k, and focuses search with /', async () => {
    show();
    await screen.findByRole('link', { name: 'Printer on floor 3 jams' });

    await userEvent.keyboard('j');
    expect(rows()[0]).toHaveFocus();
    await userEvent.keyboard('j');
    expect(rows()[1]).toHaveFocus();
    await userEvent.keyboard('k');
    expect(rows()[0]).toHaveFocus();
    await userEvent.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus();
    await userEvent.keyboard('j');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('j');
  });

  it('opens the focused ticket with Enter', async () => {
    show();
    await screen.findByRole('link', { name: 'VPN drops every hour' });

    await userEvent.keyboard('j{Enter}');

    expect(await screen.findByTestId('location')).toHaveTextContent('/console/tickets/t1');
  });

  it('shows a new ticket as soon as the queue channel announces it', async () => {
    show();
    await screen.findByRole('link', { name: 'VPN drops every hour' });
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0] as FakeSocket;
    act(() => socket.open());
    expect(socket.sent).toEqual([{ type: 'subscribe', channel: 'queue' }]);

    act(() =>
      socket.push({
        type: 'event',
        channel: 'queue',
        id: '1-0',
        eventType: 'ticket.created',
        data: { ticketId: 't9' },
      }),
    );

    expect(await screen.findByRole('link', { name: 'Laptop will not boot' })).toBeVisible();
    expect(rows()[0]).toHaveTextContent('Laptop will not boot');
    expect(screen.getByText('New ticket: Laptop will not boot')).toBeInTheDocument();
  });

  it('says "no tickets" for an empty view', async () => {
    const empty = fakeGateway({ 'GET /api/tickets': () => json({ items: [] }) });
    renderAt(<Queue />, {
      path: '/console?view=mine',
      route: '/console',
      session: signedInSession(),
      fetchFn: empty.fetchFn,
    });

    expect(await screen.findByText('No tickets in this view.')).toBeVisible();
    expect(empty.calls[0]?.url.searchParams.get('assignee')).toBe('me');
  });

  it('has the SLA views "At risk" and "Breached" with the same filters and paging', async () => {
    const { calls } = show('/console?view=breached&priority=HIGH');
    await screen.findByRole('link', { name: 'VPN drops every hour' });

    expect(screen.getByRole('button', { name: 'Breached' })).toHaveAttribute('aria-pressed', 'true');
    expect(calls[0]?.url.searchParams.get('sla')).toBe('breached');
    expect(calls[0]?.url.searchParams.get('priority')).toBe('HIGH');
    await userEvent.click(screen.getByRole('button', { name: 'At risk' }));
    await vi.waitFor(() => expect(calls.at(-1)?.url.searchParams.get('sla')).toBe('at-risk'));
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    await vi.waitFor(() => expect(calls.at(-1)?.url.searchParams.get('cursor')).toBe('page-2'));
    expect(calls.at(-1)?.url.searchParams.get('sla')).toBe('at-risk');
  });
});
