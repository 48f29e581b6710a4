import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { REPORTS } from './admin/reportFixtures';
import { fakeGateway, json, renderAt, signedInSession } from './test/harness';

function show(roles: Parameters<typeof signedInSession>[0]) {
  const gateway = fakeGateway({
    'GET /api/tickets': () => json({ items: [] }),
    ...Object.fromEntries(
      Object.entries(REPORTS).map(([name, body]) => [`GET /api/admin/reports/${name}`, () => json(body)]),
    ),
  });
  renderAt(<App />, {
    path: '/admin',
    route: '/*',
    session: signedInSession(roles, 'user-1'),
    fetchFn: gateway.fetchFn,
  });
}

describe('App', () => {
  it('loads the admin dashboard for admins and links it in the header', async () => {
    show(['ADMIN']);
    expect(await screen.findByRole('heading', { name: 'Reports' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Admin' })).toHaveAttribute('href', '/admin');
  });

  it('keeps customers out of the admin dashboard', async () => {
    show(['CUSTOMER']);
    expect(await screen.findByRole('heading', { name: 'My tickets' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Admin' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Help articles' })).toHaveAttribute('href', '/portal/kb');
  });
});
