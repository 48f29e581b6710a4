import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UserView } from '../api/admin';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import Admin from './Admin';

function user(overrides: Partial<UserView>): UserView {
  return {
    id: 'u1',
    email: 'ann@demo.test',
    name: 'Ann Agent',
    role: 'AGENT',
    active: true,
    createdAt: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}

function show(invite: () => Response) {
  const gateway = fakeGateway({
    'GET /api/admin/users': (call) =>
      json({
        items:
          call.url.searchParams.get('role') === 'ADMIN'
            ? [user({ id: 'a1', name: 'Ada Admin', email: 'ada@demo.test', role: 'ADMIN' })]
            : [user({})],
      }),
    'POST /api/admin/users': invite,
    'PATCH /api/admin/users/u1': (call) => json(user({ ...(call.body as object) })),
  });
  renderAt(<Admin />, {
    path: '/admin/agents',
    route: '/admin/*',
    session: signedInSession(['ADMIN'], 'a1'),
    fetchFn: gateway.fetchFn,
  });
  return gateway;
}

describe('Agents', () => {
  it('lists agents and admins and deactivates one', async () => {
    const gateway = show(() => json({}));

    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate Ann Agent' }));

    expect(await screen.findByRole('button', { name: 'Reactivate Ann Agent' })).toBeVisible();
    expect(screen.getByText(/deactivated/)).toBeVisible();
    expect(screen.getByText('Ada Admin')).toBeVisible();
    expect(gateway.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ active: false });
  });

  it('invites an agent and shows field errors', async () => {
    let attempt = 0;
    const gateway = show(() =>
      ++attempt === 1
        ? json(
            {
              title: 'Invalid request',
              status: 400,
              detail: 'The user has invalid fields.',
              errors: [{ field: 'password', message: 'size must be between 10 and 200' }],
            },
            { status: 400 },
          )
        : json(user({ id: 'u2', name: 'Bo Agent', email: 'bo@demo.test' }), { status: 201 }),
    );
    await screen.findByText('Ada Admin');

    await userEvent.type(screen.getByLabelText('Name'), 'Bo Agent');
    await userEvent.type(screen.getByLabelText('E-mail'), 'bo@demo.test');
    await userEvent.type(screen.getByLabelText('Initial password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('size must be between 10 and 200')).toBeVisible();
    expect(screen.getByLabelText('Initial password')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(screen.getByLabelText('Initial password'), '-and-longer');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('Bo Agent can now sign in as bo@demo.test.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Deactivate Bo Agent' })).toBeVisible();
    expect(gateway.calls.filter((call) => call.method === 'POST').at(-1)?.body).toEqual({
      name: 'Bo Agent',
      email: 'bo@demo.test',
      role: 'AGENT',
      password: 'short-and-longer',
    });
  });
});
