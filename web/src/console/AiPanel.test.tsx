import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Recommendations } from '../api/ai';
import type { Ticket } from '../api/tickets';
import { ticket } from '../test/fixtures';
import { FakeSocket, fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import { AgentTicket } from './AgentTicket';

const RECOMMENDATIONS: Recommendations = {
  ticketId: 't1',
  model: { name: 'tenant-v3', keywordOnly: false },
  tickets: [
    {
      id: 's1',
      subject: 'VPN disconnects hourly',
      resolution: 'Update the VPN client to 5.2.',
      category: 'network',
      priority: 'HIGH',
      confidence: 0.92,
      explanation: { sharedTerms: ['vpn', 'hour'], sources: ['BM25', 'WORD2VEC'] },
    },
  ],
  articles: [
    {
      id: 'a1',
      title: 'Reset your VPN client',
      confidence: 0.5,
      explanation: { sharedTerms: ['vpn'], sources: ['BM25'] },
    },
  ],
  suggestions: {
    category: { label: 'network', confidence: 0.74, majorityLabel: 'email', majorityRate: 0.31, neighbours: 15 },
    priority: { label: 'HIGH', confidence: 0.6, majorityLabel: 'NORMAL', majorityRate: 0.5, neighbours: 15 },
  },
};

function desk(recommendations: () => Response) {
  const server = { ticket: ticket({ status: 'OPEN' }), etag: '"1"' };
  const gateway = fakeGateway({
    'GET /api/tickets/t1': () => json(server.ticket, { headers: { ETag: server.etag } }),
    'GET /api/tickets/t1/comments': () => json({ items: [] }),
    'GET /api/tickets/t1/history': () => json({ items: [] }),
    'GET /api/tickets/t1/articles': () => json([]),
    'POST /api/tickets/t1/articles': () => new Response(null, { status: 201 }),
    'GET /api/ai/tickets/t1/recommendations': recommendations,
    'POST /api/ai/feedback': (call) =>
      json({ itemId: (call.body as { itemId: string }).itemId, helpful: 1, notHelpful: 0 }, { status: 201 }),
    'PATCH /api/tickets/t1': (call) => {
      if (call.headers['If-Match'] !== server.etag) {
        return json({ title: 'Precondition failed', status: 412 }, { status: 412 });
      }
      server.ticket = { ...server.ticket, ...(call.body as Partial<Ticket>), version: server.ticket.version + 1 };
      server.etag = `"${server.ticket.version}"`;
      return json(server.ticket, { headers: { ETag: server.etag } });
    },
  });
  renderAt(<AgentTicket />, {
    path: '/console/tickets/t1',
    route: '/console/tickets/:id',
    session: signedInSession(),
    fetchFn: gateway.fetchFn,
  });
  return gateway;
}

function panel() {
  return within(screen.getByRole('region', { name: 'Assistant' }));
}

describe('AI panel', () => {
  it('shows similar solved tickets with resolution and confidence, and matching articles', async () => {
    desk(() => json(RECOMMENDATIONS));

    const similar = await screen.findByRole('list', { name: 'Similar solved tickets' });
    expect(within(similar).getByRole('link', { name: 'VPN disconnects hourly' })).toHaveAttribute(
      'href',
      '/console/tickets/s1',
    );
    expect(within(similar).getByText('Resolution: Update the VPN client to 5.2.')).toBeVisible();
    expect(within(similar).getByText(/92 % match/)).toBeVisible();
    expect(panel().getByText(/74 % sure; “email” is 31 % of tickets/)).toBeVisible();
    expect(panel().getByRole('link', { name: 'Reset your VPN client' })).toHaveAttribute('href', '/portal/kb/a1');
  });

  it('applies a suggested category with the ticket version (If-Match), keeping other edits', async () => {
    const gateway = desk(() => json(RECOMMENDATIONS));
    await userEvent.selectOptions(await screen.findByLabelText('Priority'), 'URGENT');

    await userEvent.click(await screen.findByRole('button', { name: 'Apply category network' }));

    expect(await panel().findAllByText('Already set.')).toHaveLength(1);
    const patch = gateway.calls.find((call) => call.method === 'PATCH');
    expect(patch?.headers['If-Match']).toBe('"1"');
    expect(patch?.body).toEqual({ category: 'network' });
    expect(screen.getByLabelText('Category')).toHaveValue('network');
    expect(screen.getByLabelText('Priority')).toHaveValue('URGENT');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled();
  });

  it('links an article to the ticket and records feedback', async () => {
    const gateway = desk(() => json(RECOMMENDATIONS));

    await userEvent.click(await screen.findByRole('button', { name: 'Link to ticket for Reset your VPN client' }));
    expect(await panel().findByText('Linked to this ticket')).toBeVisible();
    expect(
      gateway.calls.find((call) => call.url.pathname === '/api/tickets/t1/articles' && call.method === 'POST')?.body,
    ).toEqual({ articleId: 'a1' });

    const similar = screen.getByRole('list', { name: 'Similar solved tickets' });
    await userEvent.click(within(similar).getByRole('button', { name: 'Not helpful' }));
    expect(await within(similar).findByText('Thanks, noted.')).toBeVisible();
    expect(within(similar).getByRole('button', { name: 'Not helpful' })).toHaveAttribute('aria-pressed', 'true');
    expect(gateway.calls.find((call) => call.url.pathname === '/api/ai/feedback')?.body).toEqual({
      ticketId: 't1',
      itemKind: 'TICKET',
      itemId: 's1',
      helpful: false,
    });
  });

  it('waits for the assistant and loads when recommendations are ready', async () => {
    let ready = false;
    desk(() =>
      ready
        ? json(RECOMMENDATIONS)
        : json({ title: 'Not found', status: 404, detail: 'Unknown ticket.' }, { status: 404 }),
    );
    expect(await screen.findByText('Suggestions appear once the assistant has read this ticket.')).toBeVisible();

    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0] as FakeSocket;
    act(() => socket.open());
    ready = true;
    act(() =>
      socket.push({ type: 'event', channel: 'ticket:t1', id: '5-0', eventType: 'recommendations.ready', data: {} }),
    );

    expect(await screen.findByRole('list', { name: 'Similar solved tickets' })).toBeVisible();
  });

  it('says so when ai-service fails, and the ticket still works', async () => {
    desk(() =>
      json({ title: 'Service unavailable', status: 503, detail: 'The assistant is unavailable.' }, { status: 503 }),
    );

    await screen.findByRole('heading', { name: 'Assistant' });
    expect(await panel().findByRole('alert')).toHaveTextContent('The assistant is unavailable.');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeInTheDocument();
  });
});

describe('Presence', () => {
  it('announces viewing and replying, and shows the other agents', async () => {
    desk(() => json(RECOMMENDATIONS));
    await screen.findByRole('heading', { name: 'VPN drops every hour' });
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0] as FakeSocket;
    act(() => socket.open());

    await vi.waitFor(() => expect(socket.sent).toContainEqual({ type: 'viewing', ticket: 't1', replying: false }));
    await userEvent.type(screen.getByLabelText('Your reply'), 'On it');
    await vi.waitFor(() => expect(socket.sent).toContainEqual({ type: 'viewing', ticket: 't1', replying: true }));

    act(() =>
      socket.push({
        type: 'presence',
        ticket: 't1',
        viewers: ['agent-1', 'agent-2', 'agent-3'],
        replying: ['agent-3'],
      }),
    );
    expect(
      await screen.findByText('1 other agent is replying to this ticket. 1 other agent is viewing it.'),
    ).toBeVisible();
  });
});
