import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, json, renderAt, signedInSession, type Call } from '../test/harness';
import Admin from './Admin';
import { REPORTS } from './reportFixtures';

function show(answer: (name: keyof typeof REPORTS, call: Call) => Response = (name) => json(REPORTS[name])) {
  const routes = Object.fromEntries(
    (Object.keys(REPORTS) as (keyof typeof REPORTS)[]).map((name) => [
      `GET /api/admin/reports/${name}`,
      (call: Call) => answer(name, call),
    ]),
  );
  const gateway = fakeGateway(routes);
  renderAt(<Admin />, {
    path: '/admin',
    route: '/admin/*',
    session: signedInSession(['ADMIN'], 'admin-1'),
    fetchFn: gateway.fetchFn,
  });
  return gateway;
}

describe('Reports', () => {
  it('shows the headline figures, the charts and the agents', async () => {
    const gateway = show();

    const headline = within(await screen.findByLabelText('Headline figures'));
    expect(headline.getByText('Tickets created').nextSibling).toHaveTextContent('10');
    expect(headline.getByText('Open now').nextSibling).toHaveTextContent('7');
    expect(headline.getByText('First response').nextSibling).toHaveTextContent('30 min median, 2.0 h p90');
    expect(headline.getByText('Satisfaction (CSAT)').nextSibling).toHaveTextContent('75 % 4 ratings');
    expect(headline.getByText('First response within SLA').nextSibling).toHaveTextContent(
      '75 % 6 met, 2 missed, 2 open',
    );
    expect(headline.getByText('Resolution within SLA').nextSibling).toHaveTextContent('100 % 3 met, 0 missed, 7 open');
    expect(
      screen.getByRole('img', { name: 'Tickets created and solved per day: 10 created and 4 solved over 2 days' }),
    ).toBeVisible();
    expect(screen.getByRole('img', { name: 'By status: New 3, Open 4, Solved 3' })).toBeVisible();
    expect(screen.getByRole('img', { name: /^Open tickets by age: under 1 day 5, 1–3 days 2/ })).toBeVisible();
    expect(screen.getByRole('row', { name: 'Ann Agent 3 4 75 % (4)' })).toBeVisible();

    const names = gateway.calls.map((call) => call.url.pathname.split('/').pop()).sort();
    expect(names).toEqual(['agents', 'backlog', 'breakdown', 'csat', 'sla', 'times', 'volume']);
    const query = gateway.calls[0]?.url.searchParams;
    expect(query?.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(query?.get('tz')).toBeTruthy();
  });

  it('asks again for the chosen range and time zone, and explains a refused one', async () => {
    const gateway = show((name, call) =>
      call.url.searchParams.get('tz') === 'Mars/Base'
        ? json({ title: 'Invalid request', status: 400, detail: 'Unknown time zone Mars/Base.' }, { status: 400 })
        : json(REPORTS[name]),
    );
    await screen.findByLabelText('Headline figures');

    await userEvent.clear(screen.getByLabelText('From'));
    await userEvent.type(screen.getByLabelText('From'), '2026-01-01');
    await userEvent.clear(screen.getByLabelText('Time zone'));
    await userEvent.type(screen.getByLabelText('Time zone'), 'Europe/Berlin');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByLabelText('Headline figures');
    const last = gateway.calls.at(-1)?.url.searchParams;
    expect(last?.get('from')).toBe('2026-01-01');
    expect(last?.get('tz')).toBe('Europe/Berlin');

    await userEvent.clear(screen.getByLabelText('Time zone'));
    await userEvent.type(screen.getByLabelText('Time zone'), 'Mars/Base');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Unknown time zone Mars/Base.');
    expect(screen.queryByLabelText('Headline figures')).toBeNull();
  });
});
