import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Session } from '../auth/session';
import { fakeGateway, json, jwt, renderAt } from '../test/harness';
import { SignUp } from './SignUp';

async function fillIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Organisation'), 'demo');
  await user.type(screen.getByLabelText('Your name'), 'Casey Customer');
  await user.type(screen.getByLabelText('E-mail'), 'casey@example.com');
  await user.type(screen.getByLabelText('Password'), 'a-long-password');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('SignUp', () => {
  it('creates the customer account, signs in and opens the portal', async () => {
    const gateway = fakeGateway({
      'POST /api/auth/signup': () => json({ id: 'c9' }, { status: 201 }),
      'POST /api/auth/login': () =>
        json({ accessToken: jwt({ sub: 'c9', roles: ['CUSTOMER'] }), refreshToken: 'r1', expiresIn: 300 }),
    });
    const session = new Session(null);
    renderAt(<SignUp />, { path: '/signup', route: '/signup', session, fetchFn: gateway.fetchFn });

    await fillIn();

    expect(await screen.findByTestId('location')).toHaveTextContent('/portal');
    expect(gateway.calls[0]?.body).toEqual({
      tenant: 'demo',
      name: 'Casey Customer',
      email: 'casey@example.com',
      password: 'a-long-password',
    });
    expect(gateway.calls[1]?.body).toEqual({ tenant: 'demo', email: 'casey@example.com', password: 'a-long-password' });
    expect(session.user?.id).toBe('c9');
  });

  it('explains a refused sign-up and stays on the form', async () => {
    const gateway = fakeGateway({
      'POST /api/auth/signup': () =>
        json(
          { title: 'Conflict', status: 409, detail: 'An account with this e-mail already exists.' },
          { status: 409 },
        ),
    });
    renderAt(<SignUp />, { path: '/signup', route: '/signup', session: new Session(null), fetchFn: gateway.fetchFn });

    await fillIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('An account with this e-mail already exists.');
    expect(screen.getByRole('button', { name: 'Create account' })).toBeEnabled();
    expect(gateway.calls).toHaveLength(1);
  });
});
