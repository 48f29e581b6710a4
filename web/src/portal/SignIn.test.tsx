import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Session } from '../auth/session';
import { fakeGateway, json, jwt, renderAt } from '../test/harness';
import { SignIn } from './SignIn';

async function fillIn(tenant: string, email: string, password: string) {
  const user = userEvent.setup();
  await user.clear(screen.getByLabelText('Organisation'));
  await user.type(screen.getByLabelText('Organisation'), tenant);
  await user.type(screen.getByLabelText('E-mail'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignIn', () => {
  it('signs an agent in and opens the console', async () => {
    const gateway = fakeGateway({
      'POST /api/auth/login': () =>
        json({ accessToken: jwt({ sub: 'agent-1', roles: ['AGENT'] }), refreshToken: 'r1', expiresIn: 300 }),
    });
    const session = new Session(window.sessionStorage);
    renderAt(<SignIn />, { path: '/login', route: '/login', session, fetchFn: gateway.fetchFn });

    await fillIn('demo', 'agent1@demo.deskflow.dev', 'deskflow-demo');

    expect(await screen.findByTestId('location')).toHaveTextContent('/console');
    expect(gateway.calls[0]?.body).toEqual({
      tenant: 'demo',
      email: 'agent1@demo.deskflow.dev',
      password: 'deskflow-demo',
    });
    expect(session.user?.id).toBe('agent-1');
    expect(window.localStorage.getItem('deskflow.tenant')).toBe('demo');
  });

  it('sends a customer to the portal', async () => {
    const gateway = fakeGateway({
      'POST /api/auth/login': () =>
        json({ accessToken: jwt({ sub: 'c1', roles: ['CUSTOMER'] }), refreshToken: 'r1', expiresIn: 300 }),
    });
    renderAt(<SignIn />, { path: '/login', route: '/login', session: new Session(null), fetchFn: gateway.fetchFn });

    await fillIn('demo', 'customer01@demo.deskflow.dev', 'deskflow-demo');

    expect(await screen.findByTestId('location')).toHaveTextContent('/portal');
  });

  it('returns to the page that asked for the sign-in', async () => {
    const gateway = fakeGateway({
      'POST /api/auth/login': () =>
        json({ accessToken: jwt({ sub: 'agent-1', roles: ['AGENT'] }), refreshToken: 'r1', expiresIn: 300 }),
    });
    renderAt(<SignIn />, {
      path: { pathname: '/login', state: { from: '/console/tickets/t7' } },
      route: '/login',
      session: new Session(null),
      fetchFn: gateway.fetchFn,
    });

    await fillIn('demo', 'agent1@demo.deskflow.dev', 'deskflow-demo');

    expect(await screen.findByTestId('location')).toHaveTextContent('/console/tickets/t7');
  });

  it('shows the server explanation when the log-in is refused', async () => {
    const gateway = fakeGateway({
      'POST /api/auth/login': () =>
        json(
          { title: 'Unauthorized', status: 401, detail: 'The tenant, e-mail or password is wrong.' },
          { status: 401 },
        ),
    });
    renderAt(<SignIn />, { path: '/login', route: '/login', session: new Session(null), fetchFn: gateway.fetchFn });

    await fillIn('demo', 'agent1@demo.deskflow.dev', 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('The tenant, e-mail or password is wrong.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('puts each field error next to its input', async () => {
    const gateway = fakeGateway({
      'POST /api/auth/login': () =>
        json(
          {
            title: 'Invalid request',
            status: 400,
            detail: 'The request has invalid fields.',
            errors: [{ field: 'tenant', message: "must be 2-63 characters of a-z, 0-9 and '-'" }],
          },
          { status: 400 },
        ),
    });
    renderAt(<SignIn />, { path: '/login', route: '/login', session: new Session(null), fetchFn: gateway.fetchFn });

    await fillIn('Not A Slug', 'a@b.dev', 'x');

    const tenant = await screen.findByLabelText('Organisation');
    await screen.findByRole('alert');
    expect(tenant).toHaveAttribute('aria-invalid', 'true');
    expect(tenant).toHaveAccessibleDescription(expect.stringContaining("must be 2-63 characters of a-z, 0-9 and '-'"));
    expect(screen.getByRole('alert')).not.toHaveTextContent('tenant:');
  });
});
