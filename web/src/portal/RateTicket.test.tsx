import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../api/tickets';
import { ticket } from '../test/fixtures';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import { CustomerTicket } from './CustomerTicket';

function show(status: 'OPEN' | 'SOLVED', existing: Rating | null, post = (body: unknown) => json(body)) {
  let rating = existing;
  const gateway = fakeGateway({
    'GET /api/tickets/t1': () => json(ticket({ status }), { headers: { ETag: '"4"' } }),
    'GET /api/tickets/t1/comments': () => json({ items: [] }),
    'GET /api/tickets/t1/rating': () =>
      rating ? json(rating) : json({ title: 'Not found', status: 404, detail: 'No rating yet.' }, { status: 404 }),
    'POST /api/tickets/t1/rating': (call) => {
      const answer = post(call.body);
      if (answer.status === 201) {
        rating = { ticketId: 't1', ratedAt: '2026-11-23T12:00:00Z', ...(call.body as object) } as Rating;
      }
      return answer;
    },
  });
  renderAt(<CustomerTicket />, {
    path: '/portal/tickets/t1',
    route: '/portal/tickets/:id',
    session: signedInSession(['CUSTOMER'], 'customer-1'),
    fetchFn: gateway.fetchFn,
  });
  return gateway;
}

describe('Rating a solved ticket', () => {
  it('asks once, sends the score and comment, then shows the rating given', async () => {
    const gateway = show('SOLVED', null, (body) =>
      json({ ticketId: 't1', ratedAt: '2026-11-23T12:00:00Z', ...(body as object) }, { status: 201 }),
    );

    const send = await screen.findByRole('button', { name: 'Send rating' });
    expect(send).toBeDisabled();
    await userEvent.click(screen.getByRole('radio', { name: 'Good, I am satisfied' }));
    await userEvent.type(screen.getByLabelText('Comment (optional)'), 'Quick and clear.');
    await userEvent.click(send);

    expect(await screen.findByRole('heading', { name: 'Your rating' })).toBeVisible();
    expect(screen.getByText('good')).toBeVisible();
    expect(screen.getByText('Quick and clear.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Send rating' })).toBeNull();
    expect(gateway.calls.find((call) => call.method === 'POST')?.body).toEqual({
      score: 'GOOD',
      comment: 'Quick and clear.',
    });
  });

  it('shows a rating given before instead of the form', async () => {
    show('SOLVED', { ticketId: 't1', score: 'BAD', ratedAt: '2026-11-23T12:00:00Z' });

    expect(await screen.findByRole('heading', { name: 'Your rating' })).toBeVisible();
    expect(screen.getByText('bad')).toBeVisible();
    expect(screen.queryByRole('radio', { name: 'Bad, I am not satisfied' })).toBeNull();
  });

  it('explains a refused rating', async () => {
    show('SOLVED', null, () =>
      json({ title: 'Conflict', status: 409, detail: 'This ticket is already rated.' }, { status: 409 }),
    );

    await userEvent.click(await screen.findByRole('radio', { name: 'Bad, I am not satisfied' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send rating' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This ticket is already rated.');
  });

  it('is not offered while the ticket is open', async () => {
    const gateway = show('OPEN', null);

    await screen.findByRole('heading', { name: 'VPN drops every hour' });
    expect(screen.queryByRole('heading', { name: 'How did we do?' })).toBeNull();
    expect(gateway.calls.some((call) => call.url.pathname.endsWith('/rating'))).toBe(false);
  });
});
