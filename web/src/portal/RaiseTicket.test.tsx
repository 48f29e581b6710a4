import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ticket } from '../test/fixtures';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import { RaiseTicket } from './RaiseTicket';

function show(answer: () => Response) {
  const gateway = fakeGateway({ 'POST /api/tickets': answer });
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
    expect(gateway.calls[0]?.body).toEqual({ subject: 'VPN drops every hour', description: 'Since Monday.' });
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
});
