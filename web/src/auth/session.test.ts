import { describe, expect, it } from 'vitest';
import { jwt } from '../test/harness';
import { Session, isStaff, userOf } from './session';

describe('Session', () => {
  const tokens = {
    accessToken: jwt({ sub: 'user-7', tenant: 'acme', roles: ['CUSTOMER'] }),
    refreshToken: 'r',
    expiresIn: 300,
  };

  it('reads the user from the access token claims', () => {
    expect(userOf(tokens.accessToken)).toEqual({ id: 'user-7', tenant: 'acme', roles: ['CUSTOMER'] });
  });

  it('keeps the tokens across a reload through sessionStorage', () => {
    new Session(window.sessionStorage).set(tokens);

    const restored = new Session(window.sessionStorage);

    expect(restored.tokens).toEqual(tokens);
    expect(restored.user?.id).toBe('user-7');
  });

  it('forgets the tokens on clear and tells listeners', () => {
    const session = new Session(window.sessionStorage);
    session.set(tokens);
    const seen: (string | null)[] = [];
    session.subscribe((user) => seen.push(user?.id ?? null));

    session.clear();

    expect(session.user).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
    expect(new Session(window.sessionStorage).tokens).toBeNull();
    expect(seen).toEqual([null]);
  });

  it('ignores a corrupt stored session', () => {
    window.sessionStorage.setItem('deskflow.session', JSON.stringify({ accessToken: 'garbage' }));

    expect(new Session(window.sessionStorage).user).toBeNull();
  });

  it('tells staff from customers', () => {
    expect(isStaff(userOf(jwt({ sub: 'a', roles: ['AGENT'] })))).toBe(true);
    expect(isStaff(userOf(jwt({ sub: 'b', roles: ['ADMIN'] })))).toBe(true);
    expect(isStaff(userOf(jwt({ sub: 'c', roles: ['CUSTOMER'] })))).toBe(false);
    expect(isStaff(null)).toBe(false);
  });
});
