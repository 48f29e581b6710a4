import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Comment } from '../api/tickets';
import { comment, ticket } from '../test/fixtures';
import { FakeSocket, fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import { CustomerTicket } from './CustomerTicket';

function show(status: 'OPEN' | 'SOLVED' = 'OPEN') {
  const comments: Comment[] = [comment({ id: 'c1', body: 'It happened again this morning.' })];
  const gateway = fakeGateway({
    'GET /api/tickets/t1': () => json(ticket({ status, requesterId: 'customer-1' }), { headers: { ETag: '"4"' } }),
    'GET /api/tickets/t1/comments': () => json({ items: [...comments] }),
    'PATCH /api/tickets/t1': (call) =>
      json(ticket({ ...(call.body as object), version: 5 }), { headers: { ETag: '"5"' } }),
    'POST /api/tickets/t1/comments': (call) =>
      json(comment({ id: 'c9', body: (call.body as { body: string }).body }), { status: 201 }),
  });
  renderAt(<CustomerTicket />, {
    path: '/portal/tickets/t1',
    route: '/portal/tickets/:id',
    session: signedInSession(['CUSTOMER'], 'customer-1'),
    fetchFn: gateway.fetchFn,
  });
  return { gateway, comments };
}

describe('CustomerTicket', () => {
  it('shows the ticket and lets the customer reply publicly only', async () => {
    const { gateway } = show();
    expect(await screen.findByText('It happened again this morning.')).toBeVisible();
    expect(screen.queryByRole('radio', { name: 'Internal note' })).toBeNull();

    await userEvent.type(screen.getByLabelText('Your reply'), 'Still broken.');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    expect(await screen.findByText('Still broken.')).toBeVisible();
    expect(gateway.calls.find((call) => call.method === 'POST')?.body).toEqual({
      body: 'Still broken.',
      internal: false,
    });
    expect(screen.getByLabelText('Your reply')).toHaveValue('');
  });

  it('closes a solved ticket with the version shown', async () => {
    const { gateway } = show('SOLVED');

    await userEvent.click(await screen.findByRole('button', { name: 'Yes, close it' }));

    expect(await screen.findByText('Closed')).toBeVisible();
    const patch = gateway.calls.find((call) => call.method === 'PATCH');
    expect(patch?.headers['If-Match']).toBe('"4"');
    expect(patch?.body).toEqual({ status: 'CLOSED' });
    expect(screen.queryByLabelText('Your reply')).toBeNull();
  });

  it('shows an agent reply as it arrives on the ticket channel', async () => {
    const { comments } = show();
    await screen.findByText('It happened again this morning.');
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0] as FakeSocket;
    act(() => socket.open());
    expect(socket.sent).toEqual([{ type: 'subscribe', channel: 'ticket:t1' }]);

    comments.push(comment({ id: 'c2', authorName: 'Ann Agent', body: 'Please restart the router.' }));
    act(() =>
      socket.push({
        type: 'event',
        channel: 'ticket:t1',
        id: '3-0',
        eventType: 'ticket.commented',
        data: { ticketId: 't1' },
      }),
    );

    expect(await screen.findByText('Please restart the router.')).toBeVisible();
  });
});
