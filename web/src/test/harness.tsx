import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ApiClient } from '../api/client';
import { AuthProvider } from '../auth/AuthContext';
import { Session, type Role } from '../auth/session';
import { RealtimeClient, type SocketLike } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeContext';

/** An unsigned JWT with the claims the SPA reads; the SPA never verifies signatures. */
export function jwt(claims: { sub: string; tenant?: string; roles?: Role[] }): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'RS256' })}.${encode({ tenant: 'demo', roles: ['AGENT'], ...claims })}.signature`;
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const problem = (init.status ?? 200) >= 400;
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...init.headers },
  });
}

export interface Call {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

/**
 * A stand-in for the gateway: answers each request from `routes` ("METHOD /path" → handler) and
 * records every call so tests can assert what the SPA sent.
 */
export function fakeGateway(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchFn = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input, 'http://deskflow.test');
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    const handler = routes[`${call.method} ${url.pathname}`];
    if (!handler) {
      return json({ title: 'Not found', status: 404 }, { status: 404 });
    }
    return handler(call);
  };
  return { calls, fetchFn };
}

/** A WebSocket the test drives: `open()`, `push(frame)`, `drop()`; `sent` holds what the SPA sent. */
export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];

  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: Record<string, unknown>[] = [];
  closed = false;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.onopen?.(new Event('open'));
  }

  push(frame: object): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }

  drop(): void {
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }
}

export function signedInSession(roles: Role[] = ['AGENT'], sub = 'agent-1'): Session {
  const session = new Session(window.sessionStorage);
  session.set({ accessToken: jwt({ sub, roles }), refreshToken: 'refresh-1', expiresIn: 300 });
  return session;
}

/** Renders `element` at `path` inside the app's providers, with the fake gateway and sockets. */
export function renderAt(
  element: ReactNode,
  {
    path,
    route,
    session,
    fetchFn,
  }: {
    path: string | { pathname: string; state: unknown };
    route: string;
    session: Session;
    fetchFn: (input: string, init: RequestInit) => Promise<Response>;
  },
) {
  FakeSocket.all = [];
  const client = new ApiClient(session, fetchFn);
  let ticketNumber = 0;
  const realtime = new RealtimeClient({
    connectTicket: async () => `connect-${++ticketNumber}`,
    openSocket: (url) => new FakeSocket(url),
    url: (ticket) => `ws://deskflow.test/ws?ticket=${ticket}`,
    schedule: (run) => queueMicrotask(run),
  });
  const view = render(
    <AuthProvider session={session} client={client}>
      <RealtimeProvider client={realtime}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={element} />
            <Route path="*" element={<ShowLocation />} />
          </Routes>
        </MemoryRouter>
      </RealtimeProvider>
    </AuthProvider>,
  );
  return { ...view, client, realtime };
}

function ShowLocation() {
  return <p data-testid="location">{useLocation().pathname}</p>;
}
