import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ticket } from '../test/fixtures';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import { RaiseTicket } from './RaiseTicket';

function show(answer: () => Response, suggestions: () => Response = () => json({ articles: [], tickets: [] })) {
  const gateway = fakeGateway({ 'POST /api/tickets': answer, 'POST /api/ai/suggestions': suggestions });
  renderAt(<RaiseTicket />, {
    path: '/portal/new',
    route: '/portal/new',
    session: signedInSession(['CUSTOMER'], 'customer-1'),
    fetchFn: gateway.fetchFn,
  });
  return gateway;
}

describe('RaiseTicket', () => {
  it('raises the ticket and opens it', async () => {
    const gateway = show(() => json(ticket({ id: 'new-1' }), { status: 201 }));

    await userEvent.type(screen.getByLabelText('Subject'), '  VPN drops every hour ');
    await userEvent.type(screen.getByLabelText('Description'), 'Since Monday.');
    await userEvent.click(screen.getByRole('button', { name: 'Send ticket' }));

    expect(await screen.findByTestId('location')).toHaveTextContent('/portal/tickets/new-1');
    expect(gateway.calls.find((call) => call.url.pathname === '/api/tickets')?.body).toEqual({
      subject: 'VPN drops every hour',
      description: 'Since Monday.',
    });
  });

  it('shows what is wrong with each field', async () => {
    show(() =>
      json(
        {
          title: 'Invalid request',
          status: 400,
          detail: 'The ticket has invalid fields.',
          errors: [
            { field: 'subject', message: 'must not be blank' },
            { field: 'description', message: 'must not be blank' },
          ],
        },
        { status: 400 },
      ),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Send ticket' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The ticket has invalid fields.');
    expect(screen.getByLabelText('Subject')).toHaveAccessibleDescription(expect.stringContaining('must not be blank'));
    expect(screen.getByLabelText('Description')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Send ticket' })).toBeEnabled();
  });

  it('shows matching help articles after a pause in typing', async () => {
    const gateway = show(
      () => json(ticket({ id: 'new-1' }), { status: 201 }),
      () =>
        json({
          ticketId: null,
          model: { name: 'base-v1', keywordOnly: false },
          tickets: [],
          articles: [
            { id: 'a1', title: 'Reset your VPN client', confidence: 0.8, explanation: { sharedTerms: ['vpn'] } },
          ],
          suggestions: {},
        }),
    );

    await userEvent.type(screen.getByLabelText('Subject'), 'VPN drops');
    await userEvent.type(screen.getByLabelText('Description'), 'every hour since Monday');

    const link = await screen.findByRole('link', { name: 'Reset your VPN client' }, { timeout: 3000 });
    expect(link).toHaveAttribute('href', '/portal/kb/a1');
    const asked = gateway.calls.filter((call) => call.url.pathname === '/api/ai/suggestions');
    // debounced: one request for the whole typed draft, not one per keystroke
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body).toEqual({ text: 'VPN drops\nevery hour since Monday' });
  });

  it('still raises the ticket when suggestions fail', async () => {
    const gateway = show(
      () => json(ticket({ id: 'new-2' }), { status: 201 }),
      () => json({ title: 'Service unavailable', status: 503 }, { status: 503 }),
    );

    await userEvent.type(screen.getByLabelText('Subject'), 'Printer offline');
    await userEvent.type(screen.getByLabelText('Description'), 'The printer on floor 3 is offline.');
    await vi.waitFor(
      () => expect(gateway.calls.some((call) => call.url.pathname === '/api/ai/suggestions')).toBe(true),
      { timeout: 3000 },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send ticket' }));

    expect(await screen.findByTestId('location')).toHaveTextContent('/portal/tickets/new-2');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
