// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Session } from '../auth/session';
import { fakeGateway, json, jwt } from '../test/harness';
import { ApiClient } from './client';
import { ApiError } from './problem';

const expired = jwt({ sub: 'agent-1' });
const fresh = jwt({ sub: 'agent-1', tenant: 'demo', roles: ['AGENT', 'ADMIN'] });

function sessionWith(accessToken: string): Session {
  const session = new Session(null);
  session.set({ accessToken, refreshToken: 'refresh-1', expiresIn: 300 });
  return session;
}

const unauthorized = () =>
  json({ title: 'Unauthorized', status: 401, detail: 'The token has expired.' }, { status: 401 });

describe('ApiClient', () => {
  it('sends the bearer token and answers the body with its ETag', async () => {
    const gateway = fakeGateway({
      'GET /api/tickets/t1': () => json({ id: 't1' }, { headers: { ETag: '"3"' } }),
    });
    const client = new ApiClient(sessionWith(fresh), gateway.fetchFn);

    const response = await client.get<{ id: string }>('/api/tickets/t1');

    expect(response).toEqual({ data: { id: 't1' }, etag: '"3"', status: 200 });
    expect(gateway.calls[0]?.headers.Authorization).toBe(`Bearer ${fresh}`);
  });

  it('leaves empty query parameters out', async () => {
    const gateway = fakeGateway({ 'GET /api/tickets': () => json({ items: [] }) });
    const client = new ApiClient(sessionWith(fresh), gateway.fetchFn);

    await client.get('/api/tickets', { status: 'OPEN', q: '', cursor: undefined });

    expect(gateway.calls[0]?.url.search).toBe('?status=OPEN');
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const session = sessionWith(expired);
    const gateway = fakeGateway({
      'GET /api/tickets': (call) =>
        call.headers.Authorization === `Bearer ${fresh}` ? json({ items: [] }) : unauthorized(),
      'POST /api/auth/refresh': () => json({ accessToken: fresh, refreshToken: 'refresh-2', expiresIn: 300 }),
    });
    const client = new ApiClient(session, gateway.fetchFn);

    const response = await client.get('/api/tickets');

    expect(response.data).toEqual({ items: [] });
    expect(gateway.calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual([
      'GET /api/tickets',
      'POST /api/auth/refresh',
      'GET /api/tickets',
    ]);
    expect(gateway.calls[1]?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(session.tokens?.refreshToken).toBe('refresh-2');
    expect(session.user?.roles).toEqual(['AGENT', 'ADMIN']);
  });

  it('shares one refresh between concurrent calls, since a refresh token is single-use', async () => {
    const session = sessionWith(expired);
    const gateway = fakeGateway({
      'GET /api/tickets': (call) =>
        call.headers.Authorization === `Bearer ${fresh}` ? json({ items: [] }) : unauthorized(),
      'POST /api/auth/refresh': () => json({ accessToken: fresh, refreshToken: 'refresh-2', expiresIn: 300 }),
    });
    const client = new ApiClient(session, gateway.fetchFn);

    await Promise.all([client.get('/api/tickets'), client.get('/api/tickets'), client.get('/api/tickets')]);

    expect(gateway.calls.filter((call) => call.url.pathname === '/api/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh is refused, and does not retry again', async () => {
    const session = sessionWith(expired);
    const gateway = fakeGateway({
      'GET /api/tickets': unauthorized,
      'POST /api/auth/refresh': () => json({ title: 'Unauthorized', status: 401 }, { status: 401 }),
    });
    const client = new ApiClient(session, gateway.fetchFn);

    const failure = await client.get('/api/tickets').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(session.tokens).toBeNull();
    expect(gateway.calls).toHaveLength(2);
  });

  it('does not refresh when signing in fails', async () => {
    const gateway = fakeGateway({
      'POST /api/auth/login': () =>
        json(
          { title: 'Unauthorized', status: 401, detail: 'The tenant, e-mail or password is wrong.' },
          { status: 401 },
        ),
    });
    const client = new ApiClient(new Session(null), gateway.fetchFn);

    await expect(client.post('/api/auth/login', {})).rejects.toThrow('The tenant, e-mail or password is wrong.');
    expect(gateway.calls).toHaveLength(1);
  });

  it('turns a network failure into a readable error', async () => {
    const client = new ApiClient(new Session(null), () => Promise.reject(new TypeError('Failed to fetch')));

    const failure = (await client.get('/api/tickets').catch((error: unknown) => error)) as ApiError;

    expect(failure.status).toBe(0);
    expect(failure.message).toBe('Deskflow cannot be reached. Check your connection and try again.');
  });
});
